"""`aba import` and `aba export`: aba's own CSV files, or with --from/--to a CRM's exports."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from aba.cli import bootstrap
from aba.cli.console import console, fail
from aba.cli.progress import progress_bar


class Source(StrEnum):
    ABA = "aba"
    SALESFORCE = "salesforce"
    HUBSPOT = "hubspot"
    PIPEDRIVE = "pipedrive"


def import_(
    files: list[Path] = typer.Argument(
        ...,
        help="CSV files: opportunities, then optionally calls and commitments (or a CRM's "
        "exports with --from).",
        exists=False,
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would change; write nothing."
    ),
    source: Source = typer.Option(
        Source.ABA,
        "--from",
        help="Whose export the files are: aba, salesforce, hubspot, pipedrive.",
    ),
    mapping: Path | None = typer.Option(
        None,
        "--mapping",
        help="TOML/JSON file mapping aba fields to your CRM's column labels "
        "and CRM owners to aba usernames.",
    ),
) -> None:
    """Import opportunities and calls, all or nothing; re-importing updates by id."""
    bootstrap.django()
    from aba.sales.services.imports import ImportFailed
    from aba.sales.services.imports.writer import apply_batch

    skipped = 0
    try:
        if source == Source.ABA:
            if mapping is not None:
                fail("--mapping is for CRM exports: add --from salesforce|hubspot|pipedrive")
            from aba.sales.services.imports.canonical import parse_files

            batch = parse_files(files)
        else:
            from importlib import import_module

            from aba.sales.services.imports.mapping import load_mapping

            crm = import_module(f"aba.sales.services.imports.{source.value}")
            batch, skipped = crm.parse_files(files, load_mapping(mapping))
        from aba.audit.context import acting_as

        with progress_bar("Importing") as tick, acting_as(None, via="import"):
            summary = apply_batch(batch, dry_run=dry_run, progress=tick)
    except ImportFailed as exc:
        fail(str(exc))
    verb = "Would import" if dry_run else "Imported"
    console.print(
        f"{verb}: {summary.opportunities_created} opportunities created, "
        f"{summary.opportunities_updated} updated; {summary.calls_created} calls created, "
        f"{summary.calls_updated} updated; {summary.commitments_written} commitments"
        + (f"; new users: {', '.join(summary.users_created)}" if summary.users_created else "")
        + (f"; {skipped} rows skipped (not calls, or not on a deal)" if skipped else "")
    )


def export(
    directory: Path = typer.Argument(..., help="Folder to write the CSV files into."),
    target: Source = typer.Option(
        Source.ABA, "--to", help="Whose import format: aba, salesforce, hubspot, pipedrive."
    ),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="The import's mapping file: owners are written back as CRM ids."
    ),
) -> None:
    """Export opportunities, calls and commitments as CSV files that `aba import` reads back,
    or with --to, files that CRM imports to update its records."""
    bootstrap.django()
    if target == Source.ABA:
        from aba.sales.services.exports.canonical import export_canonical

        with progress_bar("Exporting") as tick:
            summary = export_canonical(directory, progress=tick)
        for path in summary.files:
            console.print(f"wrote {path}")
        console.print(
            f"{summary.opportunities} opportunities, {summary.calls} calls, "
            f"{summary.commitments} commitments"
        )
        return
    from importlib import import_module

    from aba.sales.services.imports import ImportFailed
    from aba.sales.services.imports.mapping import load_mapping

    try:
        owners = load_mapping(mapping)
    except ImportFailed as exc:
        fail(str(exc))
    module = import_module(f"aba.sales.services.exports.{target.value}")
    with console.status(f"Exporting for {target.value}"):
        paths = getattr(module, f"export_{target.value}")(directory, mapping=owners)
    for path in paths:
        console.print(f"wrote {path}")
