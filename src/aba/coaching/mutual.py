"""The mutual action plan in the database: sync it from roadmap and commitments, edit it, share it.

Sync is idempotent: steps are matched by a stable key, so running it twice changes nothing, and
it never undoes what the rep set by hand (a status, a date) except to mark a step done when the
customer kept the matching commitment.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from aba.coaching.models import MutualPlanStep, PlanShareLink
from aba.coaching.situation import commitment_info, roadmap_of
from aba.core.coaching import ContactInfo
from aba.core.coaching.mutual_plan import StepSpec, StepStatus, plan_steps
from aba.core.vocabulary import BuyingRole
from aba.sales.models import Commitment, Opportunity, User


def _specs(opportunity: Opportunity, as_of: dt.date) -> list[StepSpec]:
    commitments = tuple(
        commitment_info(c, c.call.when.date())
        for c in Commitment.objects.filter(call__opportunity=opportunity).select_related(
            "call", "contact"
        )
    )
    contacts = tuple(
        ContactInfo(c.name, BuyingRole(c.buying_role) if c.buying_role else None, c.title)
        for c in opportunity.account.contacts.all()
    )
    return plan_steps(roadmap_of(opportunity), opportunity.stage.name, as_of, contacts, commitments)


@transaction.atomic
def sync_mutual_plan(
    opportunity: Opportunity, as_of: dt.date | None = None
) -> list[MutualPlanStep]:
    """Seed the plan from the roadmap (current stage to signature) and merge the commitments."""
    as_of = as_of or timezone.localdate()
    existing = {s.key: s for s in MutualPlanStep.objects.select_for_update().filter(
        opportunity=opportunity)}  # fmt: skip
    for position, spec in enumerate(_specs(opportunity, as_of)):
        step = existing.get(spec.key)
        if step is None:
            if spec.passed:
                continue  # the plan runs from now to signature: no steps for stages left behind
            existing[spec.key] = MutualPlanStep.objects.create(
                opportunity=opportunity, key=spec.key, position=position, title=spec.title[:500],
                owner=spec.owner.value, who=spec.who[:160], due=spec.due,
                status=spec.status.value, source=spec.source.value,
                commitment_id=spec.commitment_id,
            )  # fmt: skip
            continue
        changed: dict[str, object] = {}
        if step.position != position:
            changed["position"] = position
        if spec.commitment_id and step.commitment_id != spec.commitment_id:
            # A new commitment speaks for this step: its owner and date are the latest word.
            changed.update(commitment_id=spec.commitment_id, who=spec.who[:160], due=spec.due)
        if spec.passed and step.status == StepStatus.OPEN:
            changed["status"] = StepStatus.DONE.value
        if spec.status is StepStatus.DONE and step.status == StepStatus.OPEN:
            changed["status"] = StepStatus.DONE.value
        if changed:
            for name, value in changed.items():
                setattr(step, name, value)
            step.save(update_fields=[*changed, "updated_at"])
    return list(MutualPlanStep.objects.filter(opportunity=opportunity).order_by("position", "id"))


def plan_of(opportunity: Opportunity) -> list[MutualPlanStep]:
    return list(MutualPlanStep.objects.filter(opportunity=opportunity).order_by("position", "id"))


def update_step(step: MutualPlanStep, *, status: str, due: dt.date | None) -> MutualPlanStep:
    """The rep's own edit of a step: its status and its date."""
    if status not in {s.value for s in StepStatus}:
        raise ValueError(f"unknown step status {status!r}: use open, done or dropped")
    step.status, step.due = status, due
    step.save(update_fields=["status", "due", "updated_at"])
    return step


def active_link(opportunity: Opportunity) -> PlanShareLink | None:
    return PlanShareLink.objects.filter(opportunity=opportunity, revoked_at__isnull=True).first()


def share_plan(opportunity: Opportunity, *, by: User | None) -> PlanShareLink:
    """The opportunity's private link to its plan (the same one until revoked)."""
    return active_link(opportunity) or PlanShareLink.objects.create(
        opportunity=opportunity, created_by=by
    )


def revoke_plan_links(opportunity: Opportunity) -> int:
    """Stop every shared link of this plan from working; returns how many were live."""
    return PlanShareLink.objects.filter(opportunity=opportunity, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def shared_plan(token: str) -> tuple[Opportunity, list[MutualPlanStep]] | None:
    """What a customer's link may show: the opportunity and its steps, or None when revoked."""
    link = (
        PlanShareLink.objects.filter(token=token, revoked_at__isnull=True)
        .select_related("opportunity__account")
        .first()
    )
    if link is None:
        return None
    return link.opportunity, plan_of(link.opportunity)
