"""The pipeline review's rules for one opportunity: the single definition of "stalled" and why.

The set-based query (aba.sales.queries.review) gathers these facts for every opportunity at once,
and a test checks they equal facts built per opportunity in plain Python; `judge` then decides.
Everything is judged as of a date: calls, commitments and snoozes after it do not exist yet.

Rules, in the words of the review contract (several reasons may apply):
- A last call whose outcome is an order or an advance raises none of the last-call reasons
  (no_commitment, waiting_on_prospect, rep_followup_only): the rep's statement is trusted.
- `no_commitment`: the last call recorded no commitment by either side, and its stall (the rep's
  or aba's reading) names no next step either.
- `waiting_on_prospect`: the next move was left to the customer (a stall of that kind, or a
  customer commitment) and no customer commitment on the call carries a firm date.
- `rep_followup_only`: the rep's own follow-up (a rep commitment, or a stall of that kind) is the
  only next step: nothing on the customer's side.
- `commitment_overdue`: an open customer commitment fell due before the review date and no call
  on or after its due date records what happened.
- `no_advance_in_days`: more than the stage's threshold since the last advance or order (since
  creation when there was none), unless an open customer commitment is still ahead: a dated
  customer action pending is a scheduled move, and once it falls due `commitment_overdue` speaks.
- `order_not_asked`: the account re-orders and the rep neither asked nor took an order last call.
- `no_value`: neither of the last two calls gave the customer value (needs two calls).
- `no_calls`: no call at all and older than the threshold (it replaces `no_advance_in_days`,
  which would say the same thing less precisely).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from aba.core.vocabulary import Outcome, Reason, ReviewStatus, Stall

MOVING_OUTCOMES = frozenset({Outcome.ORDER.value, Outcome.ADVANCE.value})
_WAITING = Stall.WAITING_ON_PROSPECT.value
_REP_ONLY = Stall.REP_FOLLOWUP_ONLY.value


# The facts are named tuples: immutable values like frozen dataclasses, but built in a fraction
# of the time (a frozen dataclass sets each field through object.__setattr__, ~3 us for twelve
# fields), which counts when the review builds one per opportunity, 100,000 at a time.


class LastCall(NamedTuple):
    """What the opportunity's latest call (on or before the review date) left behind."""

    date: dt.date
    outcome: str | None  # an Outcome value; None when neither the rep nor aba could tell
    stall: str | None  # a Stall value
    asked: bool
    value_given: bool
    has_customer_commitment: bool
    has_dated_customer_commitment: bool  # a customer commitment with a firm (not vague) due date
    has_rep_commitment: bool


class OpportunityFacts(NamedTuple):
    """Everything the rules need about one opportunity, as of the review date."""

    open: bool  # open on the review date (won/lost deals closed later were still open then)
    created: dt.date
    amount: Decimal
    reorders: bool
    threshold_days: int
    snoozed_until: dt.date | None = None  # the latest active snooze's end, if any
    last_call: LastCall | None = None
    previous_value_given: bool | None = None  # None when there is no second-to-last call
    last_advance: dt.date | None = None  # date of the latest call with an advance or order
    overdue_count: int = 0
    overdue_first_due: dt.date | None = None
    pending_customer_commitment: bool = False  # an open customer commitment due on/after as_of


@dataclass(frozen=True, slots=True)
class Judgement:
    status: ReviewStatus
    reasons: tuple[Reason, ...] = ()
    days_stalled: int = 0  # days since the last advance (or creation) for a stalled deal


CLOSED = Judgement(ReviewStatus.CLOSED)
SNOOZED = Judgement(ReviewStatus.SNOOZED)
ADVANCING = Judgement(ReviewStatus.ADVANCING)


def stalled_reasons(facts: OpportunityFacts, as_of: dt.date) -> tuple[Reason, ...]:
    """The reasons that apply, in the contract's order (empty: the deal is advancing)."""
    reasons: list[Reason] = []
    last = facts.last_call
    since = facts.last_advance or facts.created
    too_long = (as_of - since).days > facts.threshold_days
    if last is not None and last.outcome not in MOVING_OUTCOMES:
        prospect_side = last.has_customer_commitment or last.stall == _WAITING
        rep_side = last.has_rep_commitment or last.stall == _REP_ONLY
        if not (prospect_side or rep_side):
            reasons.append(Reason.NO_COMMITMENT)
        if prospect_side and not last.has_dated_customer_commitment:
            reasons.append(Reason.WAITING_ON_PROSPECT)
        if rep_side and not prospect_side:
            reasons.append(Reason.REP_FOLLOWUP_ONLY)
    if facts.overdue_count:
        reasons.append(Reason.COMMITMENT_OVERDUE)
    if last is not None and too_long and not facts.pending_customer_commitment:
        reasons.append(Reason.NO_ADVANCE_IN_DAYS)
    if (
        last is not None
        and facts.reorders
        and not last.asked
        and last.outcome != Outcome.ORDER.value
    ):
        reasons.append(Reason.ORDER_NOT_ASKED)
    if last is not None and facts.previous_value_given is False and not last.value_given:
        reasons.append(Reason.NO_VALUE)
    if last is None and too_long:
        reasons.append(Reason.NO_CALLS)
    return tuple(reasons)


def judge(facts: OpportunityFacts, as_of: dt.date) -> Judgement:
    """Closed, snoozed, stalled (with reasons and days stalled) or advancing, as of `as_of`."""
    if not facts.open:
        return CLOSED
    if facts.snoozed_until is not None and facts.snoozed_until > as_of:
        return SNOOZED
    reasons = stalled_reasons(facts, as_of)
    if not reasons:
        return ADVANCING
    days = max(0, (as_of - (facts.last_advance or facts.created)).days)
    return Judgement(ReviewStatus.STALLED, reasons, days)
