"""The API's schemas for coaching and snoozes: one opportunity's next advance, and pausing it.

The coaching shape is `aba.coaching.services.coaching_json`, the one `aba coach --json` prints.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from aba.api.schemas import NO_NUL, AsOf, Day
from aba.core.vocabulary import OpportunityStatus, Party
from aba.sales.services.review import MAX_SNOOZE_DAYS

# -- coaching ---------------------------------------------------------------------------------


class CoachingFilters(Schema):
    as_of: AsOf | None = Field(
        None, description="Coach as of this day (default today): later calls do not exist yet."
    )


class NextAdvanceOut(Schema):
    best: str = Field(description="The best advance to aim for on the next call.")
    minimum: str = Field(description="The minimum acceptable advance.")
    best_kind: str | None = Field(description="The kind of the best advance (e.g. demo, trial).")
    minimum_kind: str | None = Field(description="The kind of the minimum advance.")
    target: dt.date = Field(description="A day to propose for it.")
    why: list[str] = Field(description="Why this advance, in words.")


class AskOut(Schema):
    key: str = Field(description="The review reason it answers, or 'stage' for the stage's own.")
    when: str = Field(description="When this way of asking applies.")
    phrasings: list[str] = Field(description="Several ways to ask for the commitment.")


class ValueIdeaOut(Schema):
    kind: str = Field(description="learning, serving, creating or extending.")
    idea: str = Field(description="Value to bring the customer on the next call.")


class PlanOut(Schema):
    best: str = Field(description="The best advance the rep planned to ask for.")
    minimum: str = Field(description="The minimum acceptable advance planned.")
    planned_for: dt.date | None = Field(description="The day of the call planned for.")


class PlanCheckOut(Schema):
    call: str = Field(description="The call's public id.")
    date: dt.date = Field(description="The call's day.")
    result: str = Field(description="achieved_best, achieved_minimum, missed or no_plan.")
    label: str = Field(description="The result in words.")
    planned_best: str
    planned_minimum: str
    achieved: list[str] = Field(description="The customer commitments that met the plan.")
    note: str = Field(description="What the check found, in words.")


class MutualPlanStepOut(Schema):
    position: int
    title: str = Field(description="The step, as the customer would read it.")
    owner: Party = Field(description="Who owns the step: customer or rep.")
    who: str = Field(description="The person, when known.")
    due: dt.date | None
    status: str = Field(description="open or done.")
    source: str = Field(description="Where the step came from: roadmap or commitment.")


class CoachingOut(Schema):
    id: str = Field(description="The opportunity's public id: the CRM's when imported.")
    status: OpportunityStatus
    opportunity: str = Field(description="The opportunity's name.")
    account: str
    stage: str
    as_of: dt.date = Field(description="The day the coaching is for.")
    reasons: list[str] = Field(description="The pipeline review's reasons the deal is stalled.")
    next_advance: NextAdvanceOut
    asks: list[AskOut] = Field(description="The words to ask for the advance, best first.")
    value_ideas: list[ValueIdeaOut]
    achieved: list[str] = Field(description="Kinds of advance the buyer has already made.")
    single_threaded: bool = Field(description="Every call met the same one person.")
    plan: PlanOut | None = Field(description="The rep's plan for the next call, if any.")
    plan_checks: list[PlanCheckOut] = Field(description="Recent calls: plan against achieved.")
    mutual_plan: list[MutualPlanStepOut] = Field(
        description="The mutual action plan, from now to signature."
    )


# -- snoozes ----------------------------------------------------------------------------------


def _after_today(value: dt.date) -> dt.date:
    today = timezone.localdate()
    if value <= today:
        raise ValueError("the restart date must be after today")
    if value > today + dt.timedelta(days=MAX_SNOOZE_DAYS):
        raise ValueError(f"the restart date must be within {MAX_SNOOZE_DAYS} days")
    return value


class SnoozeIn(Schema):
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=NO_NUL)
    ] = Field(description="Why the deal is paused, in words a manager can read.")
    until: Annotated[Day, AfterValidator(_after_today)] = Field(
        description=f"The restart day (YYYY-MM-DD): after today, within {MAX_SNOOZE_DAYS} days. "
        "The review shows the deal as snoozed until then, then judges it again by itself."
    )


class SnoozeOut(Schema):
    opportunity_id: int
    reason: str
    until: dt.date = Field(description="The day the deal comes back into the review.")
    created_by: str | None = Field(description="Who snoozed it (username); none from the CLI.")
    created_at: dt.datetime


class SnoozeEndedOut(Schema):
    ended: int = Field(description="How many running snoozes were ended (0: it was not snoozed).")
