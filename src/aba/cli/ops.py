"""`aba backup` and `aba restore`: the whole database to one portable file and back."""

from __future__ import annotations

from pathlib import Path

import typer

from aba.cli import bootstrap
from aba.cli.console import console, fail
from aba.cli.progress import progress_bar


def backup(
    file: Path = typer.Argument(..., help="The backup file to write (gzip'd JSON Lines)."),
) -> None:
    """Back up the whole database to FILE; it restores into SQLite or PostgreSQL alike."""
    bootstrap.django()
    from aba.ops.backup import BackupError, write_backup

    if file.is_dir():
        fail(f"{file} is a folder: name the backup file, e.g. {file / 'aba.backup.gz'}")
    try:
        with progress_bar("Backing up") as tick:
            summary = write_backup(file, progress=tick)
    except (BackupError, OSError) as exc:
        fail(str(exc))
    console.print(f"wrote {file}: {summary.rows} rows in {summary.tables} tables")


def restore(
    file: Path = typer.Argument(..., help="A file written by `aba backup`."),
    yes: bool = typer.Option(False, "--yes", help="Replace the data this database holds."),
) -> None:
    """Restore the whole database from FILE, all or nothing."""
    bootstrap.django()
    from aba.ops.backup import BackupError
    from aba.ops.restore import restore_backup

    try:
        with progress_bar("Restoring") as tick:
            summary = restore_backup(file, replace=yes, progress=tick)
    except BackupError as exc:
        fail(str(exc))
    console.print(f"restored {file}: {summary.rows} rows in {summary.tables} tables")
