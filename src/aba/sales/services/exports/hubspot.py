"""Files HubSpot's importer reads to update deals and log activities from aba.

hubspot-deals.csv (match on Record ID): the next step ("Next step") and its date, and aba's
review as custom deal properties "aba status" and "aba reasons". hubspot-calls.csv: the calls,
associated to their deal. hubspot-tasks.csv: the open customer commitments as tasks due on
their date. Deals and calls re-import into aba unchanged (`aba import --from hubspot`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aba.sales.services.exports.crm import gather, iso, write_csv
from aba.sales.services.imports.crm import opportunity_status
from aba.sales.services.imports.mapping import Mapping

DEAL_HEADER = (
    "Record ID",
    "Deal Name",
    "Deal Stage",
    "Amount",
    "Close Date",
    "Create Date",
    "Deal owner",
    "Associated Company",
    "Next step",
    "Next step date",
    "aba status",
    "aba reasons",
)
CALL_HEADER = (
    "Record ID",
    "Call Title",
    "Activity date",
    "Call notes",
    "Activity assigned to",
    "Associated Deal IDs",
    "aba outcome",
)
TASK_HEADER = (
    "Task Title",
    "Due date",
    "Task notes",
    "Task type",
    "Activity assigned to",
    "Associated Deal IDs",
)
STAGES = {"won": "closedwon", "lost": "closedlost"}


def export_hubspot(
    directory: Path, *, mapping: Mapping | None = None, as_of: dt.date | None = None
) -> list[Path]:
    """Write hubspot-deals.csv, hubspot-calls.csv and hubspot-tasks.csv into `directory`."""
    owners = mapping or Mapping()
    data = gather(as_of or dt.date.today())
    deals = write_csv(
        directory / "hubspot-deals.csv",
        DEAL_HEADER,
        (
            (
                d.id,
                d.name,
                _stage(d.stage, d.status),
                f"{d.amount:.2f}",
                iso(d.closed),
                iso(d.created),
                owners.crm_owner(d.owner),
                d.account,
                d.next_step,
                iso(d.next_step_date),
                d.review_status,
                ";".join(d.reasons),
            )
            for d in data.deals
        ),
    )
    calls = write_csv(
        directory / "hubspot-calls.csv",
        CALL_HEADER,
        (
            (
                c.id or "",
                "Call",
                c.when.strftime("%Y-%m-%d %H:%M:%S"),
                c.notes,
                owners.crm_owner(c.rep),
                c.deal_id,
                c.outcome,
            )
            for c in data.calls
        ),
    )
    tasks = write_csv(
        directory / "hubspot-tasks.csv",
        TASK_HEADER,
        (
            (
                f"Customer commitment: {c.action}"[:255],
                iso(c.due),
                f"{c.who or 'The customer'} committed to: {c.action} (recorded by aba)",
                "TODO",
                owners.crm_owner(c.owner),
                c.deal_id,
            )
            for c in data.commitments
        ),
    )
    return [deals, calls, tasks]


def _stage(stage: str, status: str) -> str:
    """The stage, unless it hides a won or lost deal: then HubSpot's closed stage."""
    if status in STAGES and opportunity_status(stage) != status:
        return STAGES[status]
    return stage
