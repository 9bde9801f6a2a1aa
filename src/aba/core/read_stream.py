"""Read many notes as JSON lines, and describe one reading in words.

The stream never stops on a bad line: each one yields an error object naming the line and the
problem, so a 100,000-line import tells the user exactly which rows to fix.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from aba.core.reading import Reading, read_note
from aba.core.vocabulary import Outcome, Party, Stall

__all__ = ["describe", "read_jsonl"]


def _error(line_no: int, id_: object, message: str) -> str:
    return json.dumps({"id": id_, "error": f"line {line_no}: {message}"}, ensure_ascii=False)


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"'date' must be a YYYY-MM-DD string, got {value!r}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'date' must be a YYYY-MM-DD date, got {value!r}") from None


def read_jsonl(lines: Iterable[str]) -> Iterator[str]:
    """One output JSON line per input line `{"id", "text", "date"}`, in order.

    Blank lines are skipped; a missing date means today.
    """
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield _error(line_no, None, f"not valid JSON ({exc.args[0] if exc.args else exc})")
            continue
        if not isinstance(obj, dict):
            yield _error(line_no, None, "expected a JSON object with 'id', 'text' and 'date'")
            continue
        id_ = obj.get("id")
        if not isinstance(id_, str | int | float | type(None)) or isinstance(id_, bool):
            id_ = None
        text = obj.get("text")
        if not isinstance(text, str):
            problem = (
                "missing 'text'"
                if text is None
                else f"'text' must be a string, got {type(text).__name__}"
            )
            yield _error(line_no, id_, problem)
            continue
        try:
            call_date = _parse_date(obj["date"]) if obj.get("date") is not None else dt.date.today()
        except ValueError as exc:
            yield _error(line_no, id_, str(exc))
            continue
        reading = read_note(text, call_date)
        yield json.dumps(reading.to_json(id_), ensure_ascii=False)


_OUTCOME_WORDS = {
    Outcome.ORDER: "ORDER: the customer committed to buy.",
    Outcome.ADVANCE: "ADVANCE: the customer agreed to an action that moves the sale forward.",
    Outcome.CONTINUATION: "CONTINUATION: the sale goes on, but the customer agreed to nothing "
    "specific.",
    Outcome.NO_SALE: "NO SALE: the customer said no.",
}
_STALL_WORDS = {
    Stall.WAITING_ON_PROSPECT: "waiting on the prospect: the next move is theirs, with no date",
    Stall.REP_FOLLOWUP_ONLY: "rep follow-up only: the only next step is your own",
    Stall.NO_NEXT_STEP: "no next step: nothing was agreed",
}


def _quote(text: str, start: int, end: int, width: int = 100) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def describe(reading: Reading, text: str) -> str:
    """A plain-text verdict for one note, several lines, for a person to read."""
    lines = [_OUTCOME_WORDS[reading.outcome]]
    if reading.stall:
        lines.append(f"Stalled: {_STALL_WORDS[reading.stall]}.")
    if reading.outcome_span:
        s = reading.outcome_span
        lines.append(f'Because: "{_quote(text, s.start, s.end)}"')
    if reading.commitments:
        lines.append("Commitments:")
        for c in reading.commitments:
            owner = "customer" if c.party is Party.CUSTOMER else "rep"
            if c.who:
                owner += f" ({c.who})"
            due = c.due.isoformat() if c.due else "no date"
            if c.due_text:
                due += f' from "{c.due_text}"'
            if c.vague:
                due += ", vague"
            lines.append(f"  - {owner}: {c.action} [{due}]")
    else:
        lines.append("Commitments: none.")
    lines.append("Asked for a commitment: " + ("yes." if reading.asked else "no."))
    v = reading.value
    if v.given:
        kinds = ", ".join(str(k) for k in v.kinds)
        lines.append(f"Value given: {kinds or 'yes, of no kind named'}.")
    else:
        lines.append("Value given: none noted.")
    if v.learned:
        lines.append("Learned:")
        lines.extend(f"  - {item}" for item in v.learned)
    return "\n".join(lines)
