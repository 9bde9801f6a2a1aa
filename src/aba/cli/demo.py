"""`aba demo`: load a believable demo sales organisation into an empty database."""

from __future__ import annotations

import datetime as dt

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from aba.cli import bootstrap
from aba.cli.console import console, fail


def demo(
    opportunities: int = typer.Option(
        400,
        "--opportunities",
        "-n",
        min=1,
        help="How many opportunities to generate, about 7.5 calls each (100000 for benchmarks).",
    ),
    seed: int = typer.Option(
        7, "--seed", help="Random seed: the same seed and --today give the same data."
    ),
    if_empty: bool = typer.Option(
        False,
        "--if-empty",
        help="Do nothing (but print the demo logins) when the database already holds data.",
    ),
    today: str | None = typer.Option(
        None, "--today", help="Date the demo ends on, YYYY-MM-DD (default today)."
    ),
) -> None:
    """Generate a demo company: 3 teams, about 12 reps, 9 months of won, lost and open deals.

    Notes in many styles cover every outcome and stall. Prints the logins: rep, manager, admin.
    """
    try:
        end = dt.date.fromisoformat(today) if today else None
    except ValueError:
        fail(f"--today {today!r} is not a date: use YYYY-MM-DD")
    bootstrap.django()
    from aba.sales.services.demo import database_has_data, generate_demo, logins_path, stored_logins

    if database_has_data():
        if not if_empty:
            fail(
                "the database already holds data, and the demo never mixes into real data: "
                "use a fresh ABA_DATA_DIR (or DATABASE_URL) to load the demo"
            )
        console.print("The database already holds data: the demo was not loaded.")
        logins = stored_logins()
        if logins:
            _print_logins(logins, f"Demo logins (from {logins_path()})")
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("opportunities"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Generating the demo company", total=opportunities)
        result = generate_demo(
            opportunities=opportunities,
            seed=seed,
            today=end,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    table = Table("", "count", title="Demo company", title_justify="left")
    for label, value in (
        ("teams", result.teams),
        ("reps", result.reps),
        ("managers", result.managers),
        ("accounts", result.accounts),
        ("contacts", result.contacts),
        ("opportunities", result.opportunities),
        ("calls", result.calls),
        ("commitments", result.commitments),
        ("snoozes", result.snoozes),
    ):
        table.add_row(label, f"{value:,}")
    table.add_row("time taken", f"{result.seconds:.1f} s")
    console.print(table)
    _print_logins(list(result.logins), f"Demo logins (also in {logins_path()})")


def _print_logins(logins: list[tuple[str, str, str]], title: str) -> None:
    table = Table("role", "username", "password", title=title, title_justify="left")
    for role, username, password in logins:
        table.add_row(role, username, password)
    console.print(table)
