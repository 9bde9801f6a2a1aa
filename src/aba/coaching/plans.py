"""Pre-call plans: record the next call's best and minimum advance, then compare with the call.

The web "Log a call" form prefills its plan fields from `current_plan`, so a plan recorded on
the coaching page travels with the call it was made for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from aba.coaching.models import CallPlan
from aba.core.coaching import PlanCheck, check_plan
from aba.core.vocabulary import Outcome, Party
from aba.sales.models import Call, Opportunity, User


def current_plan(opportunity: object) -> tuple[str, str] | None:
    """The (best, minimum) advance planned for the next call of `opportunity`, if any."""
    plan = open_plan(opportunity)
    return (plan.best, plan.minimum) if plan else None


def open_plan(opportunity: object) -> CallPlan | None:
    """The latest plan no call has used yet."""
    pk = getattr(opportunity, "pk", opportunity)
    return CallPlan.objects.filter(opportunity_id=pk, used_by_call__isnull=True).first()


@transaction.atomic
def record_plan(
    opportunity: Opportunity,
    *,
    best: str,
    minimum: str,
    by: User | None,
    planned_for: dt.date | None = None,
) -> CallPlan:
    """Record the objective for the next call; it replaces any plan not yet used by a call."""
    best, minimum = best.strip(), minimum.strip()
    if not best or not minimum:
        raise ValueError("a plan needs both a best and a minimum acceptable advance")
    CallPlan.objects.filter(opportunity=opportunity, used_by_call__isnull=True).delete()
    return CallPlan.objects.create(
        opportunity=opportunity,
        best=best[:300],
        minimum=minimum[:300],
        planned_for=planned_for,
        created_by=by,
    )


def use_plan(call: Call) -> CallPlan | None:
    """Attach the open plan to the call just logged, and give the call the plan when it has none.

    Called when any call is saved (pages, API, CLI), so plan-vs-achieved works whichever way the
    call arrived.
    """
    plan = open_plan(call.opportunity_id)
    if plan is None or call.when < plan.created_at - dt.timedelta(days=1):
        return None  # an older call logged late (or imported) is not the call that was planned
    plan.used_by_call = call
    plan.save(update_fields=["used_by_call"])
    if not call.planned_best and not call.planned_minimum:
        Call.objects.filter(pk=call.pk).update(planned_best=plan.best, planned_minimum=plan.minimum)
        call.planned_best, call.planned_minimum = plan.best, plan.minimum
    return plan


@dataclass(frozen=True, slots=True)
class CallPlanCheck:
    call: Call
    check: PlanCheck


def check_call(call: Call) -> PlanCheck:
    """What the notes say this call achieved against its plan."""
    actions = tuple(c.action for c in call.commitments.all() if c.party == Party.CUSTOMER)
    try:
        outcome = Outcome(call.outcome) if call.outcome else None
    except ValueError:
        outcome = None
    return check_plan(
        planned_best=call.planned_best,
        planned_minimum=call.planned_minimum,
        outcome=outcome,
        customer_actions=actions,
    )


def recent_checks(opportunity: Opportunity, limit: int = 5) -> list[CallPlanCheck]:
    """Plan versus achieved for the latest calls that had a plan."""
    calls = (
        Call.objects.filter(opportunity=opportunity)
        .exclude(planned_best="", planned_minimum="")
        .prefetch_related("commitments")
        .order_by("-when", "-id")[:limit]
    )
    return [CallPlanCheck(call, check_call(call)) for call in calls]
