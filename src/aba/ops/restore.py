"""`aba restore`: replace the database's content by a backup, in one transaction.

Either every row of the backup is in place when the transaction commits, or, on any problem
(damaged file, other schema, broken reference), the database is exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from aba.ops.backup import (
    CHUNK,
    BackupError,
    Progress,
    Summary,
    applied_migrations,
    read_header,
    read_lines,
)
from aba.ops.tables import backed_up_models, columns, decoder

# Rows `aba migrate` creates by itself: their presence does not make a database "in use".
MIGRATE_MADE = {"contenttypes.contenttype", "auth.permission"}


def restore_backup(
    path: Path, *, replace: bool = False, progress: Progress | None = None
) -> Summary:
    """Load the backup at `path`; refuses to overwrite data unless `replace`."""
    tick = progress or (lambda done, total: None)
    lines = read_lines(path)
    header = read_header(lines, path)
    _check_schema(header.get("migrations", []), path)
    summary = Summary()
    try:
        with transaction.atomic():
            if not replace:
                _refuse_if_in_use()
            _flush()
            _load(lines, path, summary, int(header.get("rows", 0)), tick)
            if summary.tables != header.get("tables"):
                raise BackupError(
                    f"{path}: {summary.tables} tables read, the header announces "
                    f"{header.get('tables')}: the backup is damaged"
                )
            _reset_sequences()
    except DatabaseError as exc:
        raise BackupError(
            f"{path}: the backup does not fit this database ({exc}); nothing was changed"
        ) from None
    finally:
        ContentType.objects.clear_cache()
    return summary


def _check_schema(migrations: list[str], path: Path) -> None:
    here = applied_migrations()
    if sorted(migrations) == here:
        return
    missing = sorted(set(migrations) - set(here))
    extra = sorted(set(here) - set(migrations))
    detail = "; ".join(
        part
        for part in (
            f"only in the backup: {', '.join(missing[:5])}" if missing else "",
            f"only in this database: {', '.join(extra[:5])}" if extra else "",
        )
        if part
    )
    raise BackupError(
        f"{path}: the backup's schema differs from this database's ({detail}). "
        "Restore it with the aba version that made it, then upgrade."
    )


def _refuse_if_in_use() -> None:
    used = {
        m._meta.label_lower: n
        for m in backed_up_models()
        if m._meta.label_lower not in MIGRATE_MADE and (n := m._base_manager.count())
    }
    if used:
        shown = ", ".join(f"{n} {label}" for label, n in sorted(used.items())[:6])
        raise BackupError(
            f"the database already holds data ({shown}): pass --yes to replace "
            "all of it with the backup"
        )


def _flush() -> None:
    tables = [m._meta.db_table for m in backed_up_models()]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=False)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _load(lines: Iterator[Any], path: Path, summary: Summary, total: int, tick: Progress) -> None:
    model: type[models.Model] | None = None
    expected = 0
    batch: list[models.Model] = []
    build: Any = None

    def finish() -> None:
        if model is None:
            return
        if batch:
            _insert(model, batch)
        label = model._meta.label_lower
        if summary.per_table[label] != expected:
            raise BackupError(
                f"{path}: table {label} holds {summary.per_table[label]} rows, "
                f"its header announces {expected}: the backup is damaged"
            )

    for item in lines:
        if isinstance(item, list):
            if build is None:
                raise BackupError(f"{path}: a row before any table line: the backup is damaged")
            batch.append(build(item))
            summary.rows += 1
            summary.per_table[model._meta.label_lower] += 1  # type: ignore[union-attr]
            if len(batch) >= CHUNK:
                _insert(model, batch)  # type: ignore[arg-type]
                tick(summary.rows, total)
        elif isinstance(item, dict) and "table" in item:
            finish()
            model, expected = _model(item, path), int(item.get("rows", -1))
            build = _builder(model, item["columns"], path)
            summary.per_table[model._meta.label_lower] = 0
            summary.tables += 1
        elif isinstance(item, dict) and item.get("end"):
            finish()
            tick(summary.rows, total)
            return
        else:
            raise BackupError(f"{path}: unexpected line {str(item)[:80]!r}: the backup is damaged")
    raise BackupError(f"{path}: the backup ends early (no end line): it is incomplete")


def _insert(model: type[models.Model], batch: list[models.Model]) -> None:
    """Insert rows as they were: raw, so auto_now fields keep their backed-up values (what
    `loaddata` does), in batches the engine accepts (SQLite limits a statement's parameters)."""
    fields = columns(model)
    size = max(1, connection.ops.bulk_batch_size(fields, batch))
    for start in range(0, len(batch), size):
        model._base_manager._insert(batch[start : start + size], fields=fields, raw=True)
    batch.clear()


def _model(item: dict[str, Any], path: Path) -> type[models.Model]:
    try:
        return apps.get_model(item["table"])
    except (LookupError, ValueError):
        raise BackupError(f"{path}: table {item['table']!r} is unknown to this aba") from None


def _builder(model: type[models.Model], names: list[str], path: Path) -> Any:
    fields = {f.attname: f for f in columns(model)}
    if set(names) != set(fields):
        raise BackupError(
            f"{path}: table {model._meta.label_lower} has columns {names}, this "
            f"aba expects {sorted(fields)}"
        )
    decoders = [decoder(fields[name]) for name in names]

    def build(row: list[Any]) -> models.Model:
        if len(row) != len(names):
            raise BackupError(
                f"{path}: a {model._meta.label_lower} row has {len(row)} values "
                f"for {len(names)} columns: the backup is damaged"
            )
        try:
            values = {n: d(v) for n, d, v in zip(names, decoders, row, strict=True)}
        except Exception as exc:  # any value that will not convert means a damaged backup
            raise BackupError(
                f"{path}: a {model._meta.label_lower} row holds a bad value ({exc})"
            ) from None
        return model(**values)

    return build


def _reset_sequences() -> None:
    """Point PostgreSQL's id sequences past the restored ids (SQLite tracks this by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
