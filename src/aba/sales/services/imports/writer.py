"""Apply an import batch in one transaction: all of it or, on any problem, none of it."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from aba.core.vocabulary import OpportunityStatus, Role
from aba.sales.models import (
    Account,
    Call,
    Commitment,
    Opportunity,
    OutcomeSource,
    Stage,
    Team,
    User,
)
from aba.sales.services.calls import apply_reading, commitments_from_reading, read_call_notes
from aba.sales.services.imports.problems import ImportFailed, Problem
from aba.sales.services.imports.records import (
    CallRecord,
    CommitmentRecord,
    ImportBatch,
    ImportSummary,
    OpportunityRecord,
)
from aba.sales.services.teams import ensure_stage, ensure_team

IMPORTED_TEAM = "Imported"
Progress = Callable[[int, int], None]


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def apply_batch(
    batch: ImportBatch, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Write the batch, or raise ImportFailed and write nothing."""
    summary = ImportSummary(dry_run=dry_run)
    try:
        with transaction.atomic():
            _Writer(batch, summary, progress or (lambda done, total: None)).run()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def find_opportunity(public_id: str) -> Opportunity | None:
    """The opportunity an id names: its CRM id, else aba's own id for a native one."""
    found = Opportunity.objects.filter(external_id=public_id).first()
    if found is None and public_id.isdigit():
        found = Opportunity.objects.filter(pk=int(public_id), external_id=None).first()
    return found


def _find_call(public_id: str) -> Call | None:
    found = Call.objects.filter(external_id=public_id).first()
    if found is None and public_id.isdigit():
        found = Call.objects.filter(pk=int(public_id), external_id=None).first()
    return found


class _Writer:
    def __init__(self, batch: ImportBatch, summary: ImportSummary, progress: Progress) -> None:
        self.batch = batch
        self.summary = summary
        self.progress = progress
        self.total = len(batch.opportunities) + len(batch.calls)
        self.done = 0
        self.users: dict[str, User] = {}
        self.accounts: dict[str, Account] = {}
        self.stages: dict[tuple[int, str], Stage] = {}
        self.opportunities: dict[str, Opportunity] = {}

    def run(self) -> None:
        for record in self.batch.opportunities:
            self.opportunities[record.id] = self._opportunity(record)
            self._tick()
        problems: list[Problem] = []
        for record in self.batch.calls:
            opportunity = self.opportunities.get(record.opportunity_id) or find_opportunity(
                record.opportunity_id
            )
            if opportunity is None:
                problems.append(
                    Problem(
                        record.where.file,
                        record.where.line,
                        "opportunity_id",
                        record.opportunity_id,
                        "unknown opportunity: not in this import nor in aba",
                    )
                )
                continue
            if not problems:
                self._call(record, opportunity)
            self._tick()
        if problems:
            raise ImportFailed(problems)

    def _tick(self) -> None:
        self.done += 1
        if self.done % 200 == 0 or self.done == self.total:
            self.progress(self.done, self.total)

    def _user(self, username: str) -> User:
        if username not in self.users:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, role=Role.REP)
                user.set_unusable_password()
                user.save()
                self.summary.users_created.append(username)
            self.users[username] = user
        return self.users[username]

    def _stage(self, owner: User, name: str) -> Stage:
        team: Team = owner.team if owner.team_id else ensure_team(IMPORTED_TEAM)
        key = (team.pk, name.lower())
        if key not in self.stages:
            self.stages[key] = ensure_stage(team, name)
        return self.stages[key]

    def _account(self, name: str, reorder: bool | None) -> Account:
        account = self.accounts.get(name) or Account.objects.filter(name=name).first()
        if account is None:
            account = Account.objects.create(name=name, reorders=bool(reorder))
            self.summary.accounts_created += 1
        elif reorder is not None and account.reorders != reorder:
            account.reorders = reorder
            account.save(update_fields=["reorders"])
        self.accounts[name] = account
        return account

    def _opportunity(self, r: OpportunityRecord) -> Opportunity:
        owner = self._user(r.owner)
        opportunity = find_opportunity(r.id)
        if opportunity is None:
            opportunity = Opportunity(external_id=r.id)
            self.summary.opportunities_created += 1
        else:
            self.summary.opportunities_updated += 1
        opportunity.account = self._account(r.account, r.reorder)
        opportunity.name = r.name
        opportunity.owner = owner
        opportunity.stage = self._stage(owner, r.stage)
        opportunity.amount = r.amount
        opportunity.status = r.status
        opportunity.created = r.created
        opportunity.closed = r.closed if r.status != OpportunityStatus.OPEN else r.closed
        opportunity.save()
        return opportunity

    def _call(self, r: CallRecord, opportunity: Opportunity) -> None:
        call = _find_call(r.id)
        notes_changed = call is None or call.notes != r.notes
        if call is None:
            call = Call(external_id=r.id)
            self.summary.calls_created += 1
        else:
            self.summary.calls_updated += 1
        call.opportunity = opportunity
        call.rep = self._user(r.rep)
        call.when = r.when
        call.notes = r.notes
        call.planned_best = r.planned_best
        call.planned_minimum = r.planned_minimum
        reading = read_call_notes(r.notes, r.when.date()) if notes_changed else None
        if reading is not None:
            apply_reading(call, reading)
        elif notes_changed:
            call.outcome, call.outcome_source, call.stall = None, OutcomeSource.UNKNOWN, None
        if r.outcome_source is not None:
            # A file written by `aba export` states every judgement: take it as it is.
            call.outcome = r.outcome
            call.outcome_source = r.outcome_source
            call.stall = r.stall
            call.asked = bool(r.asked)
            call.value_given = bool(r.value_given)
            call.value_kinds = r.value_kinds or []
            call.learned = r.learned or ""
        elif r.outcome:
            call.outcome, call.outcome_source = r.outcome, OutcomeSource.STATED
            if r.outcome != "continuation":
                call.stall = None
        call.save()
        if r.commitments is not None:
            self._replace_commitments(call, r.commitments)
        elif reading is not None:
            call.commitments.all().delete()
            made = Commitment.objects.bulk_create(commitments_from_reading(call, reading))
            self.summary.commitments_written += len(made)

    def _replace_commitments(self, call: Call, records: list[CommitmentRecord]) -> None:
        call.commitments.all().delete()
        Commitment.objects.bulk_create(
            Commitment(
                call=call,
                party=c.party,
                who=c.who,
                action=c.action,
                due=c.due,
                due_text=c.due_text,
                vague=c.vague,
                status=c.status,
            )
            for c in records
        )
        self.summary.commitments_written += len(records)
