"""Files Pipedrive's importer reads to update deals and add activities and notes from aba.

pipedrive-deals.csv (match on Deal - ID): status, stage, and aba's review as custom fields
"Deal - aba status" and "Deal - aba reasons" plus "Deal - Next step" and its date.
pipedrive-activities.csv: calls as done activities, and the open customer commitments as
undone "task" activities due on their date. pipedrive-notes.csv: calls that came from notes.
All three re-import into aba unchanged (`aba import --from pipedrive`); undone activities are
plans, not calls, so they are skipped on the way back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aba.sales.services.exports.crm import gather, iso, write_csv
from aba.sales.services.imports.mapping import Mapping
from aba.sales.services.imports.pipedrive import NOTE_PREFIX

DEAL_HEADER = (
    "Deal - ID",
    "Deal - Title",
    "Deal - Owner",
    "Deal - Value",
    "Deal - Stage",
    "Deal - Status",
    "Deal - Organization",
    "Deal - Deal created",
    "Deal - Won time",
    "Deal - Lost time",
    "Deal - Next step",
    "Deal - Next step date",
    "Deal - aba status",
    "Deal - aba reasons",
)
ACTIVITY_HEADER = (
    "Activity - ID",
    "Activity - Subject",
    "Activity - Type",
    "Activity - Done",
    "Activity - Due date",
    "Activity - Note",
    "Activity - Assigned to user",
    "Deal - ID",
)
NOTE_HEADER = ("Note - ID", "Note - Content", "Note - Add time", "Note - User", "Deal - ID")


def export_pipedrive(
    directory: Path, *, mapping: Mapping | None = None, as_of: dt.date | None = None
) -> list[Path]:
    """Write pipedrive-deals.csv, pipedrive-activities.csv and pipedrive-notes.csv."""
    owners = mapping or Mapping()
    data = gather(as_of or dt.date.today())
    deals = write_csv(
        directory / "pipedrive-deals.csv",
        DEAL_HEADER,
        (
            (
                d.id,
                d.name,
                owners.crm_owner(d.owner),
                f"{d.amount:.2f}",
                d.stage,
                d.status.title(),
                d.account,
                iso(d.created),
                iso(d.closed) if d.status == "won" else "",
                iso(d.closed) if d.status == "lost" else "",
                d.next_step,
                iso(d.next_step_date),
                d.review_status,
                ";".join(d.reasons),
            )
            for d in data.deals
        ),
    )
    notes = [c for c in data.calls if (c.id or "").startswith(NOTE_PREFIX)]
    activities = [
        (
            c.id or "",
            "Call",
            "call",
            "Done",
            c.when.strftime("%Y-%m-%d %H:%M:%S"),
            c.notes,
            owners.crm_owner(c.rep),
            c.deal_id,
        )
        for c in data.calls
        if not (c.id or "").startswith(NOTE_PREFIX)
    ] + [
        (
            "",
            f"Customer commitment: {c.action}"[:255],
            "task",
            "To do",
            iso(c.due),
            f"{c.who or 'The customer'} committed to: {c.action} (recorded by aba)",
            owners.crm_owner(c.owner),
            c.deal_id,
        )
        for c in data.commitments
    ]
    return [
        deals,
        write_csv(directory / "pipedrive-activities.csv", ACTIVITY_HEADER, activities),
        write_csv(
            directory / "pipedrive-notes.csv",
            NOTE_HEADER,
            (
                (
                    c.id.removeprefix(NOTE_PREFIX) if c.id else "",
                    c.notes,
                    c.when.strftime("%Y-%m-%d %H:%M:%S"),
                    owners.crm_owner(c.rep),
                    c.deal_id,
                )
                for c in notes
            ),
        ),
    ]
