"""Build the core's `OpportunitySituation` for one opportunity, in a handful of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from aba.core.coaching import CallInfo, CommitmentInfo, ContactInfo, OpportunitySituation
from aba.core.coaching.situation import fallback_reasons
from aba.core.roadmap import DEFAULT_ROADMAP, RoadmapStage
from aba.core.vocabulary import (
    BuyingRole,
    CommitmentStatus,
    OpportunityStatus,
    Outcome,
    Party,
    Reason,
    Stall,
)
from aba.sales.models import Call, Opportunity, Stage
from aba.sales.services.review import review_opportunity

HISTORY_CALLS = 50  # enough history to know what was held; older calls rarely change advice


def roadmap_of(opportunity: Opportunity) -> tuple[RoadmapStage, ...]:
    """The team's own roadmap, or the default when the team left its stages empty."""
    stages = Stage.objects.filter(team_id=opportunity.stage.team_id).order_by("position", "id")
    roadmap = tuple(RoadmapStage(s.name, tuple(s.advance_list())) for s in stages)
    if not any(s.typical_advances for s in roadmap):
        return DEFAULT_ROADMAP
    return roadmap


def _enum(kind: type, value: str | None):  # type: ignore[no-untyped-def]
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def commitment_info(c, call_date: dt.date | None) -> CommitmentInfo:  # type: ignore[no-untyped-def]
    return CommitmentInfo(
        party=Party(c.party),
        who=c.who,
        action=c.action,
        due=c.due,
        status=_enum(CommitmentStatus, c.status) or CommitmentStatus.OPEN,
        call_date=call_date,
        id=c.pk,
        contact=c.contact.name if c.contact_id else None,
    )


def review_reasons(opportunity: Opportunity, as_of: dt.date) -> tuple[Reason, ...] | None:
    """The pipeline review's reasons for this one opportunity (None if the review can't say),
    judged from that deal's rows alone: the coaching panel is on every opportunity page."""
    row = review_opportunity(opportunity.pk, as_of=as_of, with_commitments=False)
    return None if row is None else tuple(row.reasons)


def build_situation(opportunity: Opportunity, as_of: dt.date) -> OpportunitySituation:
    """Everything coaching reads about `opportunity` as of `as_of`."""
    calls = list(
        Call.objects.filter(opportunity=opportunity, when__date__lte=as_of)
        .prefetch_related("contacts", "commitments__contact")
        .order_by("-when", "-id")[:HISTORY_CALLS]
    )
    infos = tuple(
        CallInfo(
            date=call.when.date(),
            outcome=_enum(Outcome, call.outcome),
            stall=_enum(Stall, call.stall),
            asked=call.asked,
            value_given=call.value_given,
            learned=call.learned,
            notes=call.notes,
            contacts=tuple(c.name for c in call.contacts.all()),
            commitments=tuple(commitment_info(c, call.when.date()) for c in call.commitments.all()),
            planned_best=call.planned_best,
            planned_minimum=call.planned_minimum,
            id=call.pk,
        )
        for call in calls
    )
    contacts = tuple(
        ContactInfo(c.name, _enum(BuyingRole, c.buying_role), c.title, c.email)
        for c in opportunity.account.contacts.all()
    )
    sit = OpportunitySituation(
        name=opportunity.name,
        account=opportunity.account.name,
        stage=opportunity.stage.name,
        roadmap=roadmap_of(opportunity),
        as_of=as_of,
        calls=infos,
        contacts=contacts,
        reorders=opportunity.account.reorders,
        rep_name=str(opportunity.owner),
    )
    if opportunity.status != OpportunityStatus.OPEN:
        return sit
    reasons = review_reasons(opportunity, as_of)
    if reasons is None:
        reasons = fallback_reasons(sit, no_advance_days=opportunity.stage.effective_threshold())
    return replace(sit, reasons=reasons)
