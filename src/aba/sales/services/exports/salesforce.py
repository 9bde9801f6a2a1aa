"""Files Salesforce's Data Loader imports to update its records from aba.

Opportunity.csv (update by Id): the next step (NextStep, 255 characters) and its date, and
aba's review as custom fields Aba_Status__c, Aba_Reasons__c (create them, or unmap them in
Data Loader). Task.csv (upsert by Id): the calls that came from Salesforce, with aba's outcome
in Aba_Outcome__c. Task-insert.csv (insert): calls logged in aba and the open customer
commitments as open tasks due on their date. Opportunity.csv and Task.csv re-import into aba
unchanged (`aba import --from salesforce`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aba.sales.services.exports.crm import gather, iso, write_csv
from aba.sales.services.imports.mapping import Mapping

OPPORTUNITY_HEADER = (
    "Id",
    "Name",
    "Account Name",
    "OwnerId",
    "StageName",
    "Amount",
    "CloseDate",
    "IsClosed",
    "IsWon",
    "CreatedDate",
    "NextStep",
    "Next_Step_Date__c",
    "Aba_Status__c",
    "Aba_Reasons__c",
)
TASK_HEADER = (
    "Id",
    "WhatId",
    "Subject",
    "TaskSubtype",
    "Status",
    "ActivityDate",
    "CompletedDateTime",
    "OwnerId",
    "Description",
    "Aba_Outcome__c",
)


def export_salesforce(
    directory: Path, *, mapping: Mapping | None = None, as_of: dt.date | None = None
) -> list[Path]:
    """Write Opportunity.csv, Task.csv and Task-insert.csv into `directory`."""
    owners = mapping or Mapping()
    data = gather(as_of or dt.date.today())
    opportunities = write_csv(
        directory / "Opportunity.csv",
        OPPORTUNITY_HEADER,
        (
            (
                d.id,
                d.name,
                d.account,
                owners.crm_owner(d.owner),
                d.stage,
                f"{d.amount:.2f}",
                iso(d.closed),
                _bool(d.status != "open"),
                _bool(d.status == "won"),
                iso(d.created),
                d.next_step,
                iso(d.next_step_date),
                d.review_status,
                ";".join(d.reasons),
            )
            for d in data.deals
        ),
    )
    calls = [
        (
            c.id or "",
            c.deal_id,
            "Call",
            "Call",
            "Completed",
            iso(c.when.date()),
            iso(c.when),
            owners.crm_owner(c.rep),
            c.notes,
            c.outcome,
        )
        for c in data.calls
    ]
    tasks = write_csv(directory / "Task.csv", TASK_HEADER, (r for r in calls if r[0]))
    commitments = [
        (
            "",
            c.deal_id,
            f"Customer commitment: {c.action}"[:255],
            "Task",
            "Not Started",
            iso(c.due),
            "",
            owners.crm_owner(c.owner),
            f"{c.who or 'The customer'} committed to: {c.action} (recorded by aba)",
            "",
        )
        for c in data.commitments
    ]
    inserts = write_csv(
        directory / "Task-insert.csv", TASK_HEADER, [r for r in calls if not r[0]] + commitments
    )
    return [opportunities, tasks, inserts]


def _bool(value: bool) -> str:
    return "true" if value else "false"
