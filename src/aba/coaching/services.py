"""Coaching use cases over the database: pages, API and CLI call these and nothing deeper.

`coaching_json` is the one shape the API and `aba coach --json` share.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from aba.coaching.followups import followup_for, has_followup
from aba.coaching.models import MutualPlanStep
from aba.coaching.mutual import (
    active_link,
    plan_of,
    revoke_plan_links,
    share_plan,
    shared_plan,
    sync_mutual_plan,
    update_step,
)
from aba.coaching.plans import current_plan, open_plan, recent_checks, record_plan
from aba.coaching.situation import build_situation
from aba.core import coaching as core
from aba.sales.models import Opportunity

__all__ = [
    "active_link",
    "coach",
    "coaching_json",
    "current_plan",
    "followup_for",
    "has_followup",
    "open_plan",
    "plan_of",
    "recent_checks",
    "record_plan",
    "revoke_plan_links",
    "share_plan",
    "shared_plan",
    "step_json",
    "sync_mutual_plan",
    "update_step",
]


def _load(opportunity: Opportunity) -> Opportunity:
    """The opportunity with what coaching reads on every call, in one query."""
    return Opportunity.objects.select_related("account", "stage__team", "owner").get(
        pk=opportunity.pk
    )


def coach(opportunity: Opportunity, as_of: dt.date | None = None) -> core.Coaching:
    """Coaching for `opportunity` as of `as_of` (today by default)."""
    as_of = as_of or timezone.localdate()
    return core.coach(build_situation(_load(opportunity), as_of))


def step_json(step: MutualPlanStep) -> dict[str, Any]:
    return {
        "position": step.position,
        "title": step.title,
        "owner": step.owner,
        "who": step.who,
        "due": step.due.isoformat() if step.due else None,
        "status": step.status,
        "source": step.source,
    }


def coaching_json(opportunity: Opportunity, as_of: dt.date | None = None) -> dict[str, Any]:
    """Everything coaching knows about one opportunity, as JSON (API and CLI)."""
    as_of = as_of or timezone.localdate()
    opp = _load(opportunity)
    out = core.coach(build_situation(opp, as_of)).to_json()
    plan = open_plan(opp)
    out["id"] = opp.public_id
    out["status"] = opp.status
    out["plan"] = (
        {
            "best": plan.best,
            "minimum": plan.minimum,
            "planned_for": plan.planned_for.isoformat() if plan.planned_for else None,
        }
        if plan
        else None
    )
    out["plan_checks"] = [
        {"call": c.call.external_id or str(c.call.pk), "date": c.call.when.date().isoformat(),
         **c.check.to_json()}
        for c in recent_checks(opp)
    ]  # fmt: skip
    out["mutual_plan"] = [step_json(s) for s in sync_mutual_plan(opp, as_of)]
    return out
