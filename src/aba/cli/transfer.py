"""`aba import` and `aba export`: aba's own CSV files (and, with --from/--to, a CRM's)."""

from __future__ import annotations

from pathlib import Path

import typer

from aba.cli import bootstrap
from aba.cli.console import console, fail
from aba.cli.progress import progress_bar


def import_(
    files: list[Path] = typer.Argument(
        ...,
        help="CSV files: opportunities, then optionally calls and commitments.",
        exists=False,
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would change; write nothing."
    ),
) -> None:
    """Import opportunities and calls, all or nothing; re-importing updates by id."""
    bootstrap.django()
    from aba.sales.services.imports import ImportFailed
    from aba.sales.services.imports.canonical import parse_files
    from aba.sales.services.imports.writer import apply_batch

    try:
        batch = parse_files(files)
        with progress_bar("Importing") as tick:
            summary = apply_batch(batch, dry_run=dry_run, progress=tick)
    except ImportFailed as exc:
        fail(str(exc))
    verb = "Would import" if dry_run else "Imported"
    console.print(
        f"{verb}: {summary.opportunities_created} opportunities created, "
        f"{summary.opportunities_updated} updated; {summary.calls_created} calls created, "
        f"{summary.calls_updated} updated; {summary.commitments_written} commitments"
        + (f"; new users: {', '.join(summary.users_created)}" if summary.users_created else "")
    )


def export(
    directory: Path = typer.Argument(..., help="Folder to write the CSV files into."),
) -> None:
    """Export opportunities, calls and commitments as CSV files that `aba import` reads back."""
    bootstrap.django()
    from aba.sales.services.exports.canonical import export_canonical

    with progress_bar("Exporting") as tick:
        summary = export_canonical(directory, progress=tick)
    for path in summary.files:
        console.print(f"wrote {path}")
    console.print(
        f"{summary.opportunities} opportunities, {summary.calls} calls, "
        f"{summary.commitments} commitments"
    )
