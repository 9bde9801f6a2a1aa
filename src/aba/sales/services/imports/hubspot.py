"""HubSpot exports: deals, and calls or notes (engagements), under their display labels.

Labels are matched case-insensitively; HubSpot exports in the account's language, so map
translated labels with a mapping file. Deal stage "closedwon"/"Closed Won" is won,
"closedlost"/"Closed Lost" lost. A call or note becomes a call on the first deal in its
"Associated Deal IDs"; one with no deal is skipped, as are tasks (plans, not calls). Note
bodies (HTML) are read as text.
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
    crm_date,
    crm_datetime,
    opportunity_status,
)
from aba.sales.services.imports.crm import (
    parse_files as parse_crm_files,
)
from aba.sales.services.imports.mapping import Mapping
from aba.sales.services.imports.records import ImportBatch

DEAL_LABELS = {
    "id": ("Record ID", "Deal ID"),
    "name": ("Deal Name",),
    "stage": ("Deal Stage",),
    "amount": ("Amount",),
    "close": ("Close Date",),
    "created": ("Create Date",),
    "owner": ("Deal owner", "HubSpot owner"),
    "account": ("Associated Company", "Associated Company (Primary)", "Company name"),
}
ENGAGEMENT_LABELS = {
    "id": ("Record ID", "Activity ID"),
    "notes": ("Call notes", "Note body", "Meeting description", "Notes"),
    "deal": ("Associated Deal IDs", "Associated Deal ID", "Associated Deal"),
    "date": ("Activity date", "Create Date"),
    "owner": ("Activity assigned to", "Call owner", "HubSpot owner", "Created by"),
}


def _deal(row: Row, ctx: Context) -> None:
    before = len(row.problems)
    values = {name: row.get(name, required=True) for name in ("id", "name", "stage", "owner")}
    amount = row.get("amount", crm_amount)
    close = row.get("close", crm_date)
    created = row.get("created", crm_date, required=True)
    if len(row.problems) > before:
        return
    status = opportunity_status(values["stage"])
    add_opportunity(
        row,
        ctx,
        values,
        account=row.raw("account") or values["name"],
        amount=amount,
        status=status,
        created=created,
        closed=close if status != "open" else None,
    )


def _engagement(row: Row, ctx: Context) -> None:
    deal = row.raw("deal").split(";")[0].strip()
    if not deal:
        ctx.skipped += 1
        return
    before = len(row.problems)
    call_id, owner = row.get("id", required=True), row.get("owner", required=True)
    when = row.get("date", crm_datetime, required=True)
    if len(row.problems) > before:
        return
    add_call(row, ctx, call_id=call_id, opportunity_id=deal, when=when, owner=owner)


def _task(row: Row, ctx: Context) -> None:
    ctx.skipped += 1  # tasks are plans (aba exports commitments as tasks), not calls


SPECS = (
    FileSpec("tasks", {"id": ("Record ID",), "title": ("Task Title",)}, ("title",), (), _task),
    FileSpec(
        "calls", ENGAGEMENT_LABELS, ("id", "notes"), ("id", "deal", "date", "owner"), _engagement
    ),
    FileSpec(
        "opportunities",
        DEAL_LABELS,
        ("id", "stage"),
        ("id", "name", "stage", "owner", "created"),
        _deal,
    ),
)


def parse_files(paths: list[Path], mapping: Mapping | None = None) -> tuple[ImportBatch, int]:
    """HubSpot exports -> aba records (and how many engagements had no deal)."""
    return parse_crm_files(paths, SPECS, mapping or Mapping(), "HubSpot")
