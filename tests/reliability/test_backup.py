"""`aba backup` / `aba restore`: lossless round trips on SQLite and PostgreSQL and between them.

Checked by comparing `aba export` output before and after, and every table row by row.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

from aba.ops.backup import BackupError, write_backup
from aba.ops.restore import restore_backup
from aba.ops.tables import backed_up_models, columns, encode
from aba.sales.models import Call, Opportunity
from aba.sales.services.exports.canonical import export_canonical
from aba.sales.services.imports.canonical import parse_files
from aba.sales.services.imports.writer import apply_batch
from tests.reliability import support


def every_row() -> dict[str, list[Any]]:
    """Every table's rows, ordered by key, as the JSON a backup would hold (engine-neutral)."""
    dump = {}
    for model in backed_up_models():
        names = [f.attname for f in columns(model)]
        rows = model._base_manager.order_by("pk").values_list(*names)
        dump[model._meta.label_lower] = json.loads(json.dumps(list(rows), default=encode))
    return dump


def exported(folder: Path) -> dict[str, bytes]:
    export_canonical(folder)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def pipeline(transactional_db: None, org: Any, tmp_path: Path) -> Any:
    """The org, a generated pipeline with read notes, a session and an admin log entry."""
    apply_batch(parse_files(support.write_pipeline(tmp_path / "in", opportunities=12, calls_per=3)))
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["_auth_user_id"] = str(org.admin.pk)
    session.create()
    LogEntry.objects.log_actions(org.admin.pk, [org.opp], CHANGE, change_message="renamed")
    return org


def test_round_trip_is_lossless(pipeline: Any, tmp_path: Path) -> None:
    before_rows, before_files = every_row(), exported(tmp_path / "before")
    assert len(before_rows["sales.commitment"]) > 0 and len(before_rows["sessions.session"]) == 1
    summary = write_backup(tmp_path / "aba.backup.gz")
    assert summary.per_table == {label: len(rows) for label, rows in before_rows.items()}
    assert os.stat(tmp_path / "aba.backup.gz").st_mode & 0o077 == 0, "backups hold secrets"

    Call.objects.filter(pk__in=Call.objects.values("pk")[:5]).delete()
    Opportunity.objects.filter(pk=pipeline.opp.pk).update(name="changed after the backup")
    with pytest.raises(BackupError, match="pass --yes"):
        restore_backup(tmp_path / "aba.backup.gz")

    restore_backup(tmp_path / "aba.backup.gz", replace=True)
    assert every_row() == before_rows
    assert exported(tmp_path / "after") == before_files
    # Ids continue after the restored ones (PostgreSQL sequences were reset).
    opp = Opportunity.objects.create(
        account=pipeline.account,
        name="new",
        owner=pipeline.rep,
        stage=pipeline.opp.stage,
        created=pipeline.opp.created,
    )
    assert opp.pk > max(r[0] for r in before_rows["sales.opportunity"])


def test_restore_into_an_empty_database(pipeline: Any, tmp_path: Path) -> None:
    from django.core.management import call_command

    before = every_row()
    write_backup(tmp_path / "aba.backup.gz")
    call_command("flush", interactive=False, verbosity=0)  # as fresh as `aba migrate` leaves it
    assert Opportunity.objects.count() == 0
    restore_backup(tmp_path / "aba.backup.gz")
    assert every_row() == before


def _rewrite(path: Path, change: Any) -> Path:
    lines = gzip.decompress(path.read_bytes()).decode().splitlines()
    out = path.with_name("changed.gz")
    out.write_bytes(gzip.compress("\n".join(change(lines)).encode() + b"\n"))
    return out


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda lines: lines[:-40], "ends early"),
        (lambda lines: [lines[0], *lines[1:-2], "[1, 2]", lines[-1]], "row has 2 values"),
        (
            lambda lines: [lines[0].replace("sales.0001", "sales.0000"), *lines[1:]],
            "schema differs",
        ),
        (lambda lines: ['{"format": "something else"}', *lines[1:]], "not an aba backup"),
    ],
    ids=["truncated", "bad-row", "other-schema", "not-a-backup"],
)
def test_a_bad_backup_changes_nothing(
    pipeline: Any, tmp_path: Path, damage: Any, message: str
) -> None:
    good = tmp_path / "aba.backup.gz"
    write_backup(good)
    Opportunity.objects.filter(pk=pipeline.opp.pk).update(name="kept")
    before = every_row()
    with pytest.raises(BackupError, match=message):
        restore_backup(_rewrite(good, damage), replace=True)
    assert every_row() == before


def test_a_cut_gzip_file_is_refused(pipeline: Any, tmp_path: Path) -> None:
    good = tmp_path / "aba.backup.gz"
    write_backup(good)
    cut = tmp_path / "cut.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    before = every_row()
    with pytest.raises(BackupError, match="not a complete aba backup|ends early"):
        restore_backup(cut, replace=True)
    assert every_row() == before


@pytest.mark.slow
@pytest.mark.nopg  # drives both engines itself, through the CLI: once per `make test` is enough
def test_cli_round_trip_sqlite_to_postgresql_and_back(tmp_path: Path) -> None:
    if not os.environ.get("ABA_PG_URL"):
        pytest.skip("needs the PostgreSQL server `make test` starts (ABA_PG_URL)")
    files = support.write_pipeline(tmp_path / "in", opportunities=30, calls_per=4)
    lite = support.aba_env(tmp_path / "lite")
    support.aba("import", *map(str, files), env=lite)
    support.aba("users", "set", "maya", "--role", "manager", "--team", "Team A", env=lite)
    support.aba("backup", str(tmp_path / "lite.gz"), env=lite)
    support.aba("export", str(tmp_path / "x-lite"), env=lite)

    database = f"aba_rel_backup_{os.getpid()}"
    url = os.environ["ABA_PG_URL"].rsplit("/", 1)[0]
    import psycopg

    with psycopg.connect(os.environ["ABA_PG_URL"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
        conn.execute(f'CREATE DATABASE "{database}"')
    try:
        pg = support.aba_env(tmp_path / "pg", f"{url}/{database}")
        support.aba("restore", str(tmp_path / "lite.gz"), env=pg)
        again = support.aba("restore", str(tmp_path / "lite.gz"), env=pg, check=False)
        assert again.returncode == 1 and "--yes" in again.stderr
        support.aba("export", str(tmp_path / "x-pg"), env=pg)
        support.aba("backup", str(tmp_path / "pg.gz"), env=pg)
    finally:
        with psycopg.connect(os.environ["ABA_PG_URL"], autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    back = support.aba_env(tmp_path / "back")
    support.aba("restore", str(tmp_path / "pg.gz"), env=back)
    support.aba("export", str(tmp_path / "x-back"), env=back)
    for name in ("opportunities.csv", "calls.csv", "commitments.csv"):
        lite_text = (tmp_path / "x-lite" / name).read_bytes()
        assert (tmp_path / "x-pg" / name).read_bytes() == lite_text, name
        assert (tmp_path / "x-back" / name).read_bytes() == lite_text, name
    assert _tables(tmp_path / "lite.gz") == _tables(tmp_path / "pg.gz")


def _tables(path: Path) -> dict[str, Any]:
    """Each table's columns and rows in a backup file (JSON values, engine-neutral)."""
    tables: dict[str, Any] = {}
    current = None
    for line in gzip.decompress(path.read_bytes()).decode().splitlines()[1:-1]:
        item = json.loads(line)
        if isinstance(item, dict):
            current = tables.setdefault(item["table"], {"columns": item["columns"], "rows": []})
        else:
            current["rows"].append(item)  # type: ignore[index]
    return tables
