"""Pipedrive exports: deals, activities and notes, with "Object - Field" column labels.

Deal - Status open/won/lost gives the status; a won (lost) deal closed on its won (lost) time.
An activity is a call when it is done (or the export has no Done column) and its type is a
call or meeting (or empty); undone activities are plans, not calls, and are skipped, as are
activities and notes without a deal. Notes get the id "note-<Note - ID>" because Pipedrive
numbers notes and activities separately. HTML in notes is read as text.
"""

from __future__ import annotations

from pathlib import Path

from aba.sales.services.imports.crm import (
    Context,
    FileSpec,
    Row,
    add_call,
    add_opportunity,
    crm_amount,
    crm_bool,
    crm_date,
    crm_datetime,
)
from aba.sales.services.imports.crm import (
    parse_files as parse_crm_files,
)
from aba.sales.services.imports.fields import BadValue
from aba.sales.services.imports.mapping import Mapping
from aba.sales.services.imports.records import ImportBatch

NOTE_PREFIX = "note-"
CALL_TYPES = {"", "call", "meeting"}
DEAL_LABELS = {
    "id": ("Deal - ID",),
    "name": ("Deal - Title",),
    "owner": ("Deal - Owner",),
    "amount": ("Deal - Value",),
    "stage": ("Deal - Stage",),
    "status": ("Deal - Status",),
    "account": ("Deal - Organization", "Organization - Name"),
    "created": ("Deal - Deal created", "Deal - Add time", "Deal - Created"),
    "won": ("Deal - Won time",),
    "lost": ("Deal - Lost time",),
    "close": ("Deal - Expected close date",),
}
ACTIVITY_LABELS = {
    "id": ("Activity - ID",),
    "subject": ("Activity - Subject",),
    "type": ("Activity - Type",),
    "done": ("Activity - Done",),
    "deal": ("Deal - ID", "Activity - Deal ID"),
    "done_time": ("Activity - Marked as done time",),
    "date": ("Activity - Due date",),
    "notes": ("Activity - Note",),
    "owner": ("Activity - Assigned to user", "Activity - Owner", "Activity - User"),
}
NOTE_LABELS = {
    "id": ("Note - ID",),
    "notes": ("Note - Content",),
    "deal": ("Deal - ID", "Note - Deal ID"),
    "date": ("Note - Add time", "Note - Date"),
    "owner": ("Note - User", "Note - Author", "Note - Owner"),
}


def _status(value: str) -> str:
    lowered = value.strip().lower()
    if lowered not in {"open", "won", "lost"}:
        raise BadValue("expected Open, Won or Lost")
    return lowered


def _deal(row: Row, ctx: Context) -> None:
    before = len(row.problems)
    values = {name: row.get(name, required=True) for name in ("id", "name", "owner", "stage")}
    status = row.get("status", _status, required=True)
    amount = row.get("amount", crm_amount)
    created = row.get("created", crm_date, required=True)
    won, lost, close = (row.get(n, crm_date) for n in ("won", "lost", "close"))
    if len(row.problems) > before:
        return
    closed = {"won": won or close, "lost": lost or close}.get(status)
    add_opportunity(
        row,
        ctx,
        values,
        account=row.raw("account") or values["name"],
        amount=amount,
        status=status,
        created=created,
        closed=closed,
    )


def _call(row: Row, ctx: Context, *, prefix: str = "") -> None:
    before = len(row.problems)
    call_id, owner = row.get("id", required=True), row.get("owner", required=True)
    when = row.get("done_time", crm_datetime) or row.get("date", crm_datetime, required=True)
    if len(row.problems) > before:
        return
    add_call(
        row, ctx, call_id=prefix + call_id, opportunity_id=row.raw("deal"), when=when, owner=owner
    )


def _activity(row: Row, ctx: Context) -> None:
    done = row.get("done", crm_bool) if "done" in row.columns else True
    if not done or row.raw("type").lower() not in CALL_TYPES or not row.raw("deal"):
        ctx.skipped += 1
        return
    _call(row, ctx)


def _note(row: Row, ctx: Context) -> None:
    if not row.raw("deal"):
        ctx.skipped += 1
        return
    _call(row, ctx, prefix=NOTE_PREFIX)


SPECS = (
    FileSpec("notes", NOTE_LABELS, ("id", "notes"), ("id", "deal", "date", "owner"), _note),
    FileSpec("calls", ACTIVITY_LABELS, ("id", "subject"), ("id", "deal", "owner"), _activity),
    FileSpec(
        "opportunities",
        DEAL_LABELS,
        ("id", "stage"),
        ("id", "name", "owner", "stage", "status", "created"),
        _deal,
    ),
)


def parse_files(paths: list[Path], mapping: Mapping | None = None) -> tuple[ImportBatch, int]:
    """Pipedrive exports -> aba records (and how many activities and notes were skipped)."""
    return parse_crm_files(paths, SPECS, mapping or Mapping(), "Pipedrive")
