"""`aba read`: read call notes and tell the outcome, commitments, the ask and the value."""

from __future__ import annotations

import datetime as dt
import sys

import typer

from aba.cli.console import console, fail


def read(
    text: str | None = typer.Option(
        None, "--text", "-t", help="Read this one note and print a readable verdict."
    ),
    date: str | None = typer.Option(
        None, "--date", "-d", help="The call's date (YYYY-MM-DD) that due dates resolve against."
    ),
) -> None:
    """Read notes as JSON Lines on stdin ({"id","text","date"} per line), write one JSON line each.

    With --text, read one note and print a readable verdict instead.
    """
    from aba.core.read_stream import describe, read_jsonl
    from aba.core.reading import read_note

    if text is not None:
        try:
            call_date = dt.date.fromisoformat(date) if date else dt.date.today()
        except ValueError:
            fail(f"--date {date!r} is not a date: use YYYY-MM-DD")
        console.print(describe(read_note(text, call_date), text), highlight=False, markup=False)
        return
    out = sys.stdout
    for line in read_jsonl(sys.stdin):
        out.write(line + "\n")
    out.flush()
