"""aba's own CSV import/export: all-or-nothing, update by id, lossless round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from aba.sales.models import Account, Call, Commitment, Opportunity, User
from aba.sales.services.exports.canonical import export_canonical
from aba.sales.services.imports import ImportFailed
from aba.sales.services.imports.canonical import parse_files
from aba.sales.services.imports.writer import apply_batch

OPPS = """id,account,name,owner,stage,amount,status,created,closed,reorder
SF-1,Globex,Globex rollout,dana,Discovery,120000,open,2026-02-01,,false
SF-2,Initech,Initech renewal,dana,Negotiation,45000.50,won,2025-11-03,2026-01-15,true
SF-3,Umbrella,Umbrella pilot,lee,Demo,30000,lost,2025-10-01,2026-02-20,false
"""
CALLS = """id,opportunity_id,date,rep,notes,outcome
C-1,SF-1,2026-02-10,dana,"Demo w/ their CIO booked for Friday, she'll bring the CFO.",advance
C-2,SF-1,2026-02-20T15:30:00,dana,They loved it. Will get back to me.,continuation
C-3,SF-2,2026-01-15,dana,PO received for the renewal.,order
C-4,SF-3,2026-02-20,lee,Went with a competitor.,no_sale
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def do_import(*paths: Path, dry_run: bool = False):
    return apply_batch(parse_files(list(paths)), dry_run=dry_run)


def snapshot() -> tuple[int, int, int, int, int]:
    return (
        Opportunity.objects.count(),
        Call.objects.count(),
        Commitment.objects.count(),
        Account.objects.count(),
        User.objects.count(),
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "opps.csv", OPPS), write(tmp_path, "calls.csv", CALLS)


def test_import_creates_everything(db, files):
    summary = do_import(*files)
    assert summary.opportunities_created == 3 and summary.calls_created == 4
    assert sorted(summary.users_created) == ["dana", "lee"]
    dana = User.objects.get(username="dana")
    assert dana.role == "rep" and not dana.has_usable_password()
    renewal = Opportunity.objects.get(external_id="SF-2")
    assert renewal.account.reorders is True
    assert str(renewal.amount) == "45000.50" and renewal.status == "won"
    call = Call.objects.get(external_id="C-2")
    assert call.outcome == "continuation" and call.outcome_source == "stated"
    assert call.when.hour == 15


def test_reimport_updates_by_id_without_duplicates(db, files, tmp_path):
    do_import(*files)
    before = snapshot()
    changed = write(tmp_path, "opps2.csv", OPPS.replace("Globex rollout", "Globex global"))
    summary = do_import(changed, files[1])
    assert snapshot() == before
    assert summary.opportunities_updated == 3 and summary.calls_updated == 4
    assert Opportunity.objects.get(external_id="SF-1").name == "Globex global"


@pytest.mark.parametrize(
    ("bad_calls", "column", "value"),
    [
        (CALLS.replace("C-4,SF-3", "C-4,SF-404"), "opportunity_id", "SF-404"),
        (CALLS.replace("2026-02-20,lee", "2026-02-31,lee"), "date", "2026-02-31"),
        (CALLS.replace("C-3,", "C-1,"), "id", "C-1"),
        (CALLS.replace(",order", ",sold"), "outcome", "sold"),
    ],
)
def test_one_bad_call_row_rejects_everything(db, tmp_path, files, bad_calls, column, value):
    before = snapshot()
    bad = write(tmp_path, "bad_calls.csv", bad_calls)
    with pytest.raises(ImportFailed) as failure:
        do_import(files[0], bad)
    assert snapshot() == before
    problem = failure.value.problems[0]
    assert (problem.file, problem.column, problem.value) == ("bad_calls.csv", column, value)
    assert problem.line is not None and problem.line > 1
    assert "bad_calls.csv" in str(failure.value) and repr(value) in str(failure.value)


def test_bad_status_names_line_and_column(db, tmp_path):
    bad = write(tmp_path, "opps.csv", OPPS.replace("lost,2025-10-01", "maybe,2025-10-01"))
    with pytest.raises(ImportFailed) as failure:
        do_import(bad)
    assert str(failure.value.problems[0]) == (
        "opps.csv, line 4, column 'status': expected one of open, won, lost (value 'maybe')"
    )
    assert Opportunity.objects.count() == 0


def test_unknown_header_is_named(db, tmp_path):
    bad = write(tmp_path, "x.csv", "foo,bar\n1,2\n")
    with pytest.raises(ImportFailed, match="header matches no aba file"):
        do_import(bad)


def test_dry_run_writes_nothing(db, files):
    summary = do_import(*files, dry_run=True)
    assert summary.opportunities_created == 3 and summary.dry_run
    assert snapshot() == (0, 0, 0, 0, 0)


def test_missing_outcome_is_read_from_the_notes(db, files, tmp_path):
    calls = write(
        tmp_path, "calls.csv", CALLS.replace('bring the CFO.",advance', 'bring the CFO.",')
    )
    do_import(files[0], calls)
    call = Call.objects.get(external_id="C-1")
    assert call.outcome_source == "read"
    assert call.outcome == "advance"
    assert call.reading and call.reading["outcome"] == "advance"
    customer = call.commitments.filter(party="customer")
    assert customer.exclude(due=None).exists()


def test_export_reimports_losslessly(transactional_db, files, tmp_path):
    do_import(*files)
    first = tmp_path / "first"
    export_canonical(first)
    call_command("flush", interactive=False, verbosity=0)
    do_import(first / "opportunities.csv", first / "calls.csv", first / "commitments.csv")
    second = tmp_path / "second"
    export_canonical(second)
    for name in ("opportunities.csv", "calls.csv"):
        assert (first / name).read_text() == (second / name).read_text()
    # Commitment ids are aba's own and change on a fresh database; everything else must not.
    strip = lambda p: [line.split(",", 1)[1] for line in p.read_text().splitlines()]  # noqa: E731
    assert strip(first / "commitments.csv") == strip(second / "commitments.csv")
