"""`aba backup`: the whole database as one portable file, readable by any engine aba runs on.

The file is gzip'd JSON Lines: a header (format, version, the schema's applied migrations), then
per table a line naming its columns and row count followed by one JSON array per row, then an end
line. JSON keeps it independent of SQLite or PostgreSQL, so a backup of one restores into the
other; the counts and the end line let a restore notice a truncated file before it commits.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from aba.ops.tables import backed_up_models, columns, encode

FORMAT = "aba-backup"
VERSION = 1
CHUNK = 2000
Progress = Callable[[int, int], None]


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(slots=True)
class Summary:
    tables: int = 0
    rows: int = 0
    per_table: dict[str, int] = field(default_factory=dict)


def applied_migrations() -> list[str]:
    """The schema version: every applied migration as "app.name", sorted."""
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Read every table as of one moment, without blocking writers for the duration."""
    if connection.in_atomic_block:  # the caller's transaction already is the snapshot
        yield
        return
    if connection.vendor == "sqlite":
        # Django opens SQLite transactions with BEGIN IMMEDIATE (the write lock); a deferred
        # BEGIN gives WAL's consistent read snapshot and leaves the writers alone.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _line(handle: IO[str], item: object) -> None:
    handle.write(json.dumps(item, default=encode, ensure_ascii=False, separators=(",", ":")))
    handle.write("\n")


def write_backup(path: Path, *, progress: Progress | None = None) -> Summary:
    """Write the whole database to `path` (0600: it holds password hashes and sessions).

    The file appears under its name only once complete, so a crash never leaves a backup that
    looks whole but is not.
    """
    tick = progress or (lambda done, total: None)
    summary = Summary()
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with (
            os.fdopen(fd, "wb") as raw,
            gzip.open(raw, "wt", encoding="utf-8", compresslevel=6) as handle,
            read_snapshot(),
        ):
            models = backed_up_models()
            counts = {m._meta.label_lower: m._base_manager.count() for m in models}
            total = sum(counts.values())
            _line(
                handle,
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "engine": connection.vendor,
                    "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "migrations": applied_migrations(),
                    "tables": len(models),
                    "rows": total,
                },
            )
            for model in models:
                label = model._meta.label_lower
                names = [f.attname for f in columns(model)]
                _line(handle, {"table": label, "columns": names, "rows": counts[label]})
                rows = model._base_manager.order_by("pk").values_list(*names)
                written = 0
                for row in rows.iterator(chunk_size=CHUNK):
                    _line(handle, row)
                    written += 1
                    summary.rows += 1
                    if summary.rows % CHUNK == 0:
                        tick(summary.rows, total)
                if written != counts[label]:  # pragma: no cover - the snapshot forbids it
                    raise BackupError(f"{label} changed while being read")
                summary.per_table[label] = written
                summary.tables += 1
            _line(handle, {"end": True, "tables": summary.tables, "rows": summary.rows})
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    tick(summary.rows, summary.rows)
    return summary


def read_lines(path: Path) -> Iterator[Any]:
    """The decoded lines of a backup file; a damaged file raises BackupError."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                try:
                    yield json.loads(text)
                except ValueError:
                    raise BackupError(
                        f"{path}: line {number} is not JSON: the backup is damaged"
                    ) from None
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path}: not a complete aba backup ({exc})") from None


def read_header(lines: Iterator[Any], path: Path) -> dict[str, Any]:
    header = next(lines, None)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path}: not an aba backup (made by `aba backup FILE`)")
    if header.get("version") != VERSION:
        raise BackupError(
            f"{path}: backup format version {header.get('version')}, this aba "
            f"reads version {VERSION}: restore it with the aba that made it"
        )
    return header
