"""Salesforce exports: Opportunity and Task (and Account, for names), as Data Loader writes them
(API field names) or as a report exports them (screen labels).

A Task is a call when its TaskSubtype is "Call", its Subject starts with "Call" or it has a
CallType; other tasks and those not related to an opportunity (WhatId not starting with 006)
are skipped, not errors. A call's outcome is read from its Description (Comments) by aba.
Status: IsWon -> won, IsClosed -> lost, else StageName "Closed Won"/"Closed Lost"; an open
opportunity's CloseDate is an expectation, not a closing, so aba does not keep it.
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
    opportunity_status,
)
from aba.sales.services.imports.crm import (
    parse_files as parse_crm_files,
)
from aba.sales.services.imports.mapping import Mapping
from aba.sales.services.imports.records import ImportBatch

OPPORTUNITY_LABELS = {
    "id": ("Id", "Opportunity ID"),
    "name": ("Name", "Opportunity Name"),
    "account": ("Account Name", "Account.Name", "AccountId", "Account ID"),
    "owner": ("OwnerId", "Opportunity Owner", "Owner ID", "Owner.Name"),
    "stage": ("StageName", "Stage"),
    "amount": ("Amount",),
    "close": ("CloseDate", "Close Date"),
    "created": ("CreatedDate", "Created Date"),
    "is_closed": ("IsClosed", "Closed"),
    "is_won": ("IsWon", "Won"),
}
TASK_LABELS = {
    "id": ("Id", "Activity ID", "Task ID"),
    "what": ("WhatId", "Opportunity ID", "Related To ID"),
    "subject": ("Subject",),
    "subtype": ("TaskSubtype", "Task Subtype", "Activity Subtype"),
    "call_type": ("CallType", "Call Type"),
    "completed": ("CompletedDateTime", "Completed Date/Time"),
    "date": ("ActivityDate", "Due Date", "Date"),
    "notes": ("Description", "Comments", "Full Comments"),
    "owner": ("OwnerId", "Assigned", "Assigned To", "Owner ID"),
}
ACCOUNT_LABELS = {"id": ("Id", "Account ID"), "name": ("Name", "Account Name")}


def _opportunity(row: Row, ctx: Context) -> None:
    before = len(row.problems)
    values = {
        name: row.get(name, required=True) for name in ("id", "name", "account", "owner", "stage")
    }
    amount = row.get("amount", crm_amount)
    close = row.get("close", crm_date)
    created = row.get("created", crm_date, required=True)
    is_closed, is_won = row.get("is_closed", crm_bool), row.get("is_won", crm_bool)
    if len(row.problems) > before:
        return
    status = opportunity_status(values["stage"], won=is_won, lost=is_closed and not is_won)
    add_opportunity(
        row,
        ctx,
        values,
        account=ctx.accounts.get(values["account"], values["account"]),
        amount=amount,
        status=status,
        created=created,
        closed=close if status != "open" else None,
    )


def _task(row: Row, ctx: Context) -> None:
    is_call = (
        row.raw("subtype").lower() == "call"
        or row.raw("subject").lower().startswith("call")
        or bool(row.raw("call_type"))
    )
    what = row.raw("what")
    polymorphic = row.columns.get("what", "").lower() == "whatid"
    if not is_call or not what or (polymorphic and not what.startswith("006")):
        ctx.skipped += 1
        return
    before = len(row.problems)
    call_id, owner = row.get("id", required=True), row.get("owner", required=True)
    when = row.get("completed", crm_datetime) or row.get("date", crm_datetime, required=True)
    if len(row.problems) > before:
        return
    add_call(row, ctx, call_id=call_id, opportunity_id=what, when=when, owner=owner)


def _account(row: Row, ctx: Context) -> None:
    account_id, name = row.raw("id"), row.raw("name")
    if account_id and name:
        ctx.accounts[account_id] = name


SPECS = (
    FileSpec("calls", TASK_LABELS, ("id", "subject"), ("id", "what", "owner"), _task),
    FileSpec(
        "opportunities",
        OPPORTUNITY_LABELS,
        ("id", "stage"),
        ("id", "name", "account", "owner", "stage", "created"),
        _opportunity,
    ),
    FileSpec("accounts", ACCOUNT_LABELS, ("id", "name"), ("id", "name"), _account),
)


def parse_files(paths: list[Path], mapping: Mapping | None = None) -> tuple[ImportBatch, int]:
    """Salesforce exports -> aba records (and how many tasks were skipped as not calls)."""
    return parse_crm_files(paths, SPECS, mapping or Mapping(), "Salesforce")
