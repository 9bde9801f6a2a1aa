"""Bad input to the importers (aba's CSV and the three CRMs'): any Unicode, huge fields, odd
dates, numbers and encodings. Every import either succeeds or fails with ImportFailed naming
file and line; never another exception, and a failed import leaves the database as it was.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aba.sales.models import Account, Call, Commitment, Opportunity, Stage, Team, User
from aba.sales.services.imports import ImportFailed, canonical, hubspot, pipedrive, salesforce
from aba.sales.services.imports.writer import apply_batch


def _first_labels(*tables: dict[str, tuple[str, ...]]) -> list[list[str]]:
    return [[labels[0] for labels in table.values()] for table in tables]


Parse = Callable[[list[Path]], Any]
FORMATS: dict[str, tuple[Parse, list[list[str]]]] = {
    "aba": (
        canonical.parse_files,
        [
            list(canonical.OPPORTUNITY_COLUMNS),
            list(canonical.CALL_COLUMNS),
            list(canonical.COMMITMENT_COLUMNS),
        ],
    ),
    "salesforce": (
        lambda paths: salesforce.parse_files(paths)[0],
        _first_labels(
            salesforce.OPPORTUNITY_LABELS, salesforce.TASK_LABELS, salesforce.ACCOUNT_LABELS
        ),
    ),
    "hubspot": (
        lambda paths: hubspot.parse_files(paths)[0],
        _first_labels(hubspot.DEAL_LABELS, hubspot.ENGAGEMENT_LABELS),
    ),
    "pipedrive": (
        lambda paths: pipedrive.parse_files(paths)[0],
        _first_labels(pipedrive.DEAL_LABELS, pipedrive.ACTIVITY_LABELS, pipedrive.NOTE_LABELS),
    ),
}

ODD_VALUES = (
    "",
    " ",
    "1",
    "2",
    "SF-1",
    "SF-2",
    "006A000001",
    "rita",
    "Rita Rep",
    "open",
    "won",
    "lost",
    "Closed Won",
    "advance",
    "order",
    "no_sale",
    "continuation",
    "customer",
    "rep",
    "true",
    "false",
    "yes",
    "0",
    "-0",
    "1e400",
    "NaN",
    "Infinity",
    "-1",
    "1,000.50",
    "€ 1.000,50",
    "99999999999999999999",
    "2026-02-01",
    "2026-02-30",
    "2026-13-01",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59+14:00",
    "2026-02-01T25:00",
    "2026-02-01T10:00:00Z",
    "01/02/2026",
    "2/30/2026 10:00 AM",
    "1700000000",
    "2026-W05-1",
    "１２/０１/２０２６",
    "Discovery",
    "Negotiation",
    "Call",
    "call",
    "meeting",
    '"',
    '""',
    "'",
    ",",
    "\n",
    "\r\n",
    "\x00",
    "\ufeff",
    "\u202e",
    "😀" * 3,
    "Zoë",
    "北京",
    "a\u0301",
    "\ud7ff",
    "=cmd|' /C calc'!A0",
)
HUGE = ("x" * 70_000, "Anna sends the RFP by Friday. " * 2_000, "9" * 5_000)
cell = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(HUGE).filter(lambda _: True),
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "raw")


@st.composite
def file_sets(draw: st.DrawFn, name: str) -> list[tuple[str, bytes]]:
    """One to three CSV files of a format, headers exact or damaged, cells odd, bytes encoded."""
    _, headers = FORMATS[name]
    files = []
    for index in range(draw(st.integers(1, 3))):
        header = list(draw(st.sampled_from(headers)))
        damage = draw(st.sampled_from(("none", "none", "drop", "extra", "shuffle", "random")))
        if damage == "drop" and header:
            header.pop(draw(st.integers(0, len(header) - 1)))
        elif damage == "extra":
            header.append(draw(st.text(max_size=10)))
        elif damage == "shuffle":
            header = draw(st.permutations(header))
        elif damage == "random":
            header = draw(st.lists(st.text(max_size=8), max_size=4))
        width = len(header) + draw(st.sampled_from((0, 0, 0, -1, 1)))
        rows = draw(
            st.lists(st.lists(cell, min_size=max(width, 0), max_size=max(width, 0)), max_size=5)
        )
        text = "\r\n".join(",".join(_quote(v) for v in row) for row in [header, *rows])
        encoding = draw(st.sampled_from(ENCODINGS))
        if encoding == "raw":
            data = draw(st.binary(max_size=200))
        else:
            data = text.encode(
                encoding, errors="replace" if encoding in ("latin-1", "cp1252") else "surrogatepass"
            )
        files.append((f"file{index}.csv", data))
    return files


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value


def snapshot() -> tuple[int, ...]:
    return tuple(
        m.objects.count() for m in (Opportunity, Call, Commitment, Account, User, Stage, Team)
    )


def import_once(name: str, files: list[tuple[str, bytes]]) -> None:
    parse, _ = FORMATS[name]
    before = snapshot()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for filename, data in files:
            (Path(folder) / filename).write_bytes(data)
            paths.append(Path(folder) / filename)
        try:
            summary = apply_batch(parse(paths))
            event(f"imported ({summary.opportunities_created + summary.calls_created} created)")
        except ImportFailed as exc:
            event("refused")
            assert exc.problems, "ImportFailed without a problem"
            assert all(p.file and p.message for p in exc.problems), exc.problems
            assert "database is unchanged" in str(exc)
            assert snapshot() == before, "a failed import changed the database"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_any_file_imports_cleanly_or_fails_cleanly(db: None, name: str) -> None:
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )
    @given(files=file_sets(name))
    def check(files: list[tuple[str, bytes]]) -> None:
        import_once(name, files)

    check()


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1252", "utf-8-sig"])
def test_odd_encodings_of_a_good_file(db: None, tmp_path: Path, encoding: str) -> None:
    """A good file saved by a spreadsheet in another encoding: imported, or refused by name."""
    text = (
        "id,account,name,owner,stage,amount,status,created,closed,reorder\n"
        "SF-1,Zoë Café,Déjà vu,rita,Discovery,100,open,2026-02-01,,false\n"
    )
    path = tmp_path / "opportunities.csv"
    path.write_bytes(text.encode(encoding))
    try:
        apply_batch(canonical.parse_files([path]))
    except ImportFailed as exc:
        assert exc.problems[0].file == "opportunities.csv" and "UTF-8" in str(exc)
        assert Opportunity.objects.count() == 0
    else:
        assert Opportunity.objects.get(external_id="SF-1").account.name == "Zoë Café"


def test_a_bad_row_at_the_end_of_a_big_file_rejects_all_of_it(db: None, tmp_path: Path) -> None:
    from tests.reliability.support import write_pipeline

    opps, calls = write_pipeline(tmp_path, opportunities=300, calls_per=1)
    calls.write_text(calls.read_text() + "LAST,SF-404,2026-02-01,rita,Unknown deal.,\n")
    with pytest.raises(ImportFailed, match="SF-404"):
        apply_batch(canonical.parse_files([opps, calls]))
    assert snapshot() == (0, 0, 0, 0, 0, 0, 0) or Opportunity.objects.count() == 0
