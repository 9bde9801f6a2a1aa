"""The pipeline review: which deals are really moving, shared by the CLI, the pages and the API.

A few set-based queries gather every opportunity's facts and open commitments
(aba.sales.queries.review), and the core's `judge` decides each one in Python without further
queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from aba.core.review_rules import judge
from aba.core.vocabulary import Reason, ReviewStatus
from aba.sales.models import Opportunity, Snooze, User
from aba.sales.queries.review import (
    OpportunityRecord,
    opportunity_record,
    paused_gc,
    review_records,
)
from aba.sales.visibility import opportunity_filter, visible_opportunities

# Attention order: stalled first, then snoozed (a manager checks the pauses), advancing, closed.
_STATUS_ORDER = {
    ReviewStatus.STALLED: 0,
    ReviewStatus.SNOOZED: 1,
    ReviewStatus.ADVANCING: 2,
    ReviewStatus.CLOSED: 3,
}


@dataclass(slots=True)
class ReviewRow:
    """One opportunity's line in the review. Not frozen: a frozen dataclass's __init__ sets its
    eighteen fields through object.__setattr__ (~4 us a row, 0.4 s for 100,000 deals); treat it
    as read-only all the same (it never was hashable: it holds a list)."""

    id: int
    public_id: str
    name: str
    account: str
    owner: str
    team: str | None
    stage: str
    amount: Decimal
    status: ReviewStatus
    reasons: tuple[Reason, ...]
    days_stalled: int
    last_call: dt.date | None
    last_advance: dt.date | None
    overdue_count: int
    overdue_first_due: dt.date | None
    snoozed_until: dt.date | None
    snooze_reason: str | None
    open_commitments: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contract's fields first, then the extras pages and scripts find useful."""
        return {
            "id": self.public_id,
            "status": self.status.value,
            "reasons": [r.value for r in self.reasons],
            "last_call": _iso(self.last_call),
            "last_advance": _iso(self.last_advance),
            "open_commitments": [{**c, "due": _iso(c["due"])} for c in self.open_commitments],
            "name": self.name,
            "account": self.account,
            "owner": self.owner,
            "team": self.team,
            "stage": self.stage,
            "amount": float(self.amount),
            "days_stalled": self.days_stalled,
            "snoozed_until": _iso(self.snoozed_until),
            "snooze_reason": self.snooze_reason,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class Question:
    """One of the manager's six questions: how many deals, how much money, which ones."""

    reason: Reason
    title: str
    rows: list[ReviewRow]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def amount(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason.value,
            "title": self.title,
            "count": self.count,
            "amount": float(self.amount),
            "opportunities": [r.public_id for r in self.rows],
        }


SIX_QUESTIONS: tuple[tuple[Reason, str], ...] = (
    (Reason.NO_COMMITMENT, "Last call gained no commitment"),
    (Reason.WAITING_ON_PROSPECT, "Waiting for the prospect"),
    (Reason.REP_FOLLOWUP_ONLY, "Only commitment is the rep's own call-back"),
    (Reason.COMMITMENT_OVERDUE, "Customer commitments slipped"),
    (Reason.ORDER_NOT_ASKED, "Re-order accounts not asked for the order"),
    (Reason.NO_VALUE, "Last two calls gave the customer nothing"),
)


@dataclass(frozen=True, slots=True)
class PipelineReview:
    as_of: dt.date
    rows: list[ReviewRow]

    def by_status(self, status: ReviewStatus) -> list[ReviewRow]:
        return [r for r in self.rows if r.status == status]

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in ReviewStatus}
        for r in self.rows:
            out[r.status.value] += 1
        return out

    def stalled_value(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.status == ReviewStatus.STALLED), Decimal(0))

    def questions(self) -> list[Question]:
        """The manager's six questions, each with its drill-down list (attention order)."""
        lists: dict[Reason, list[ReviewRow]] = {reason: [] for reason, _ in SIX_QUESTIONS}
        for row in self.rows:
            for reason in row.reasons:
                if reason in lists:
                    lists[reason].append(row)
        return [Question(reason, title, lists[reason]) for reason, title in SIX_QUESTIONS]

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "opportunities": [r.to_json() for r in self.rows],
        }


def attention_key(row: ReviewRow) -> tuple[int, float, int, str]:
    """Stalled first, the most money at risk first, then the longest stalled.

    The amount compares as a float: amounts are numeric(14, 2), at most 14 significant digits,
    which a double keeps distinct and in order, and floats compare several times faster than
    Decimals (the sort of 100,000 rows took 0.2 s)."""
    return (_STATUS_ORDER[row.status], -float(row.amount), -row.days_stalled, row.public_id)


def review_scope(
    *, user: User | None = None, team: str | None = None, rep: str | None = None
) -> QuerySet[Opportunity] | None:
    """The opportunities a review covers: what `user` may see, narrowed by team and rep."""
    if user is None and team is None and rep is None:
        return None
    qs = visible_opportunities(user) if user is not None else Opportunity.objects.all()
    if team is not None:
        qs = qs.filter(owner__team__name=team)
    if rep is not None:
        qs = qs.filter(owner__username=rep)
    return qs


def review_pipeline(
    *,
    user: User | None = None,
    as_of: dt.date,
    team: str | None = None,
    rep: str | None = None,
    with_commitments: bool = True,
) -> PipelineReview:
    """Judge every opportunity in scope as of `as_of`, in attention order."""
    scope = review_scope(user=user, team=team, rep=rep)
    with paused_gc():
        rows = [
            review_row(record, as_of)
            for record in review_records(as_of, scope, with_commitments=with_commitments)
        ]
        rows.sort(key=attention_key)
    return PipelineReview(as_of=as_of, rows=rows)


def review_opportunity(
    opportunity_id: int, *, as_of: dt.date, with_commitments: bool = True
) -> ReviewRow | None:
    """One opportunity's line of the review, as `review_pipeline` judges it, from that deal's
    rows alone (its page must not pay for judging the pipeline); None if not created by then."""
    record = opportunity_record(opportunity_id, as_of, with_commitments=with_commitments)
    return None if record is None else review_row(record, as_of)


def review_row(record: OpportunityRecord, as_of: dt.date) -> ReviewRow:
    """Judge one opportunity's record (aba.core.review_rules.judge) into its review line."""
    oid, ext, name, account, owner, team, stage, _, _, snooze_reason, facts, commitments = record
    verdict = judge(facts, as_of)
    last = facts.last_call
    return ReviewRow(
        oid,
        ext or str(oid),
        name,
        account,
        owner,
        team,
        stage,
        facts.amount,
        verdict.status,
        verdict.reasons,
        verdict.days_stalled,
        last.date if last else None,
        facts.last_advance,
        facts.overdue_count,
        facts.overdue_first_due,
        facts.snoozed_until,
        snooze_reason,
        commitments,
    )


# A pause longer than this is a lost deal, or a typo in the year.
MAX_SNOOZE_DAYS = 2 * 365


@transaction.atomic
def snooze(opportunity: Opportunity, *, by: User | None, reason: str, until: dt.date) -> Snooze:
    """Pause a deal's warnings until `until` for a stated reason; it comes back by itself."""
    reason = reason.strip()
    if not reason:
        raise ValueError("a snooze needs a reason a manager can read")
    return Snooze.objects.create(opportunity=opportunity, reason=reason, until=until, created_by=by)


@transaction.atomic
def unsnooze(opportunity: Opportunity, *, today: dt.date | None = None) -> int:
    """End the opportunity's active snoozes now; returns how many were ended."""
    today = today or dt.date.today()
    # Saved one by one, not with QuerySet.update(): the post_save signal is what tells the
    # pages' cached reviews (aba.web.review_cache) that the deal is back. A deal has few.
    active = list(Snooze.objects.filter(opportunity=opportunity, until__gt=today))
    for running in active:
        running.until = today
        running.save(update_fields=["until"])
    return len(active)


def current_snooze(opportunity: Opportunity, *, as_of: dt.date) -> Snooze | None:
    """The snooze the review shows for this deal on `as_of`: the active one ending last."""
    return (
        Snooze.objects.filter(opportunity=opportunity, until__gt=as_of)
        .select_related("created_by")
        .order_by("-until", "-id")
        .first()
    )


def active_snoozes(
    *,
    user: User | None = None,
    as_of: dt.date,
    team: str | None = None,
    rep: str | None = None,
) -> QuerySet[Snooze]:
    """The snoozes running on `as_of` that `user` may see (managers see their whole team's),
    narrowed by team and rep like the review, soonest restart first."""
    qs = Snooze.objects.filter(until__gt=as_of).select_related(
        "opportunity", "opportunity__owner", "created_by"
    )
    if user is not None:
        rule = opportunity_filter(user, "opportunity__")
        qs = qs.none() if rule is None else qs.filter(rule)
    if team is not None:
        qs = qs.filter(opportunity__owner__team__name=team)
    if rep is not None:
        qs = qs.filter(opportunity__owner__username=rep)
    return qs.order_by("until", "id")
