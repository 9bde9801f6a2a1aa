"""The review's rules on hand-made facts: one scenario per reason and the combinations that
matter, with no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from aba.core.review_rules import LastCall, OpportunityFacts, judge
from aba.core.vocabulary import Reason, ReviewStatus

AS_OF = dt.date(2026, 3, 2)
R = Reason


def call(days_ago: int = 3, **kw: object) -> LastCall:
    fields: dict[str, object] = {
        "date": AS_OF - dt.timedelta(days=days_ago),
        "outcome": "continuation",
        "stall": None,
        "asked": True,
        "value_given": True,
        "has_customer_commitment": False,
        "has_dated_customer_commitment": False,
        "has_rep_commitment": False,
    }
    fields.update(kw)
    return LastCall(**fields)  # type: ignore[arg-type]


def advance_call(days_ago: int = 3, **kw: object) -> LastCall:
    base: dict[str, object] = {
        "outcome": "advance",
        "has_customer_commitment": True,
        "has_dated_customer_commitment": True,
    }
    base.update(kw)
    return call(days_ago, **base)


def facts(**kw: object) -> OpportunityFacts:
    fields: dict[str, object] = {
        "open": True,
        "created": AS_OF - dt.timedelta(days=60),
        "amount": Decimal("10000"),
        "reorders": False,
        "threshold_days": 30,
        "last_call": advance_call(),
        "previous_value_given": True,
        "last_advance": AS_OF - dt.timedelta(days=3),
        "pending_customer_commitment": True,
    }
    fields.update(kw)
    return OpportunityFacts(**fields)  # type: ignore[arg-type]


def reasons(f: OpportunityFacts) -> set[Reason]:
    return set(judge(f, AS_OF).reasons)


def test_an_advance_with_a_customer_commitment_ahead_is_advancing():
    verdict = judge(facts(), AS_OF)
    assert verdict.status == ReviewStatus.ADVANCING
    assert verdict.reasons == () and verdict.days_stalled == 0


def test_an_old_advance_with_a_dated_customer_action_still_ahead_is_advancing():
    f = facts(last_advance=AS_OF - dt.timedelta(days=45), last_call=advance_call(45))
    assert judge(f, AS_OF).status == ReviewStatus.ADVANCING


def test_a_recent_advance_then_a_call_with_a_dated_customer_action_is_advancing():
    last = call(2, has_customer_commitment=True, has_dated_customer_commitment=True)
    assert judge(facts(last_call=last), AS_OF).status == ReviewStatus.ADVANCING


def test_an_order_on_the_last_call_is_advancing():
    last = call(1, outcome="order", asked=True)
    f = facts(
        last_call=last,
        reorders=True,
        pending_customer_commitment=False,
        last_advance=AS_OF - dt.timedelta(days=1),
    )
    assert judge(f, AS_OF).status == ReviewStatus.ADVANCING


def test_no_commitment():
    f = facts(last_call=call(stall="no_next_step"), pending_customer_commitment=False)
    assert reasons(f) == {R.NO_COMMITMENT}


def test_no_commitment_when_the_outcome_is_unknown_and_nothing_was_agreed():
    f = facts(last_call=call(outcome=None), pending_customer_commitment=False)
    assert reasons(f) == {R.NO_COMMITMENT}


def test_waiting_on_prospect_by_stall():
    f = facts(last_call=call(stall="waiting_on_prospect"), pending_customer_commitment=False)
    assert reasons(f) == {R.WAITING_ON_PROSPECT}


def test_waiting_on_prospect_by_an_undated_customer_commitment():
    last = call(has_customer_commitment=True, has_rep_commitment=True)
    assert reasons(facts(last_call=last, pending_customer_commitment=False)) == {
        R.WAITING_ON_PROSPECT
    }


def test_a_dated_customer_commitment_is_not_waiting():
    last = call(
        stall="waiting_on_prospect",
        has_customer_commitment=True,
        has_dated_customer_commitment=True,
    )
    assert reasons(facts(last_call=last)) == set()


def test_rep_followup_only():
    last = call(stall="rep_followup_only", has_rep_commitment=True)
    assert reasons(facts(last_call=last, pending_customer_commitment=False)) == {
        R.REP_FOLLOWUP_ONLY
    }


def test_rep_followup_only_by_stall_alone_is_not_no_commitment():
    last = call(stall="rep_followup_only")
    assert reasons(facts(last_call=last)) == {R.REP_FOLLOWUP_ONLY}


def test_commitment_overdue():
    f = facts(overdue_count=1, overdue_first_due=AS_OF - dt.timedelta(days=2))
    verdict = judge(f, AS_OF)
    assert verdict.status == ReviewStatus.STALLED
    assert verdict.reasons == (R.COMMITMENT_OVERDUE,)
    assert verdict.days_stalled == 3


def test_no_advance_in_days_uses_the_stage_threshold():
    last = call(5, has_customer_commitment=True, has_dated_customer_commitment=True)
    f = facts(
        last_call=last,
        last_advance=AS_OF - dt.timedelta(days=31),
        pending_customer_commitment=False,
    )
    verdict = judge(f, AS_OF)
    assert verdict.reasons == (R.NO_ADVANCE_IN_DAYS,)
    assert verdict.days_stalled == 31
    assert (
        reasons(
            facts(
                last_call=last,
                last_advance=AS_OF - dt.timedelta(days=31),
                pending_customer_commitment=False,
                threshold_days=45,
            )
        )
        == set()
    )


def test_no_advance_in_days_is_counted_from_creation_when_there_never_was_one():
    last = call(2, has_customer_commitment=True, has_dated_customer_commitment=True)
    f = facts(
        last_call=last,
        last_advance=None,
        pending_customer_commitment=False,
        created=AS_OF - dt.timedelta(days=40),
    )
    assert judge(f, AS_OF).reasons == (R.NO_ADVANCE_IN_DAYS,)
    assert judge(f, AS_OF).days_stalled == 40


def test_exactly_the_threshold_is_not_yet_stalled():
    last = call(5, has_customer_commitment=True, has_dated_customer_commitment=True)
    f = facts(
        last_call=last,
        last_advance=AS_OF - dt.timedelta(days=30),
        pending_customer_commitment=False,
    )
    assert reasons(f) == set()


def test_order_not_asked_on_a_reorder_account():
    f = facts(reorders=True, last_call=advance_call(asked=False))
    assert reasons(f) == {R.ORDER_NOT_ASKED}
    assert reasons(facts(reorders=False, last_call=advance_call(asked=False))) == set()
    assert reasons(facts(reorders=True, last_call=advance_call(asked=True))) == set()


def test_no_value_needs_two_calls_without_value():
    assert reasons(
        facts(last_call=advance_call(value_given=False), previous_value_given=False)
    ) == {R.NO_VALUE}
    assert (
        reasons(facts(last_call=advance_call(value_given=False), previous_value_given=True))
        == set()
    )
    assert (
        reasons(facts(last_call=advance_call(value_given=False), previous_value_given=None))
        == set()
    )


def test_no_calls_only_after_the_threshold():
    old = facts(
        last_call=None,
        previous_value_given=None,
        last_advance=None,
        pending_customer_commitment=False,
        created=AS_OF - dt.timedelta(days=31),
    )
    assert judge(old, AS_OF).reasons == (R.NO_CALLS,)
    young = facts(
        last_call=None,
        previous_value_given=None,
        last_advance=None,
        pending_customer_commitment=False,
        created=AS_OF - dt.timedelta(days=10),
    )
    assert judge(young, AS_OF).status == ReviewStatus.ADVANCING


def test_the_classic_stalled_deal_collects_every_reason_that_applies():
    last = call(
        40, stall="rep_followup_only", has_rep_commitment=True, asked=False, value_given=False
    )
    f = facts(
        last_call=last,
        previous_value_given=False,
        reorders=True,
        last_advance=AS_OF - dt.timedelta(days=70),
        pending_customer_commitment=False,
        overdue_count=2,
        overdue_first_due=AS_OF - dt.timedelta(days=20),
    )
    verdict = judge(f, AS_OF)
    assert verdict.reasons == (
        R.REP_FOLLOWUP_ONLY,
        R.COMMITMENT_OVERDUE,
        R.NO_ADVANCE_IN_DAYS,
        R.ORDER_NOT_ASKED,
        R.NO_VALUE,
    )
    assert verdict.days_stalled == 70


def test_waiting_on_prospect_with_a_slipped_commitment():
    last = call(20, stall="waiting_on_prospect")
    f = facts(
        last_call=last,
        pending_customer_commitment=False,
        overdue_count=1,
        overdue_first_due=AS_OF - dt.timedelta(days=5),
    )
    assert judge(f, AS_OF).reasons == (R.WAITING_ON_PROSPECT, R.COMMITMENT_OVERDUE)


def test_a_pending_commitment_from_an_earlier_call_does_not_excuse_the_last_call():
    last = call(stall="rep_followup_only", has_rep_commitment=True)
    f = facts(last_call=last, last_advance=AS_OF - dt.timedelta(days=50))
    assert judge(f, AS_OF).reasons == (R.REP_FOLLOWUP_ONLY,)


@pytest.mark.parametrize(
    "until, status",
    [
        (AS_OF + dt.timedelta(days=1), ReviewStatus.SNOOZED),
        (AS_OF, ReviewStatus.STALLED),
        (None, ReviewStatus.STALLED),
    ],
)
def test_a_snooze_hides_the_warnings_until_its_date_then_they_come_back(until, status):
    f = facts(last_call=call(stall="no_next_step"), snoozed_until=until)
    verdict = judge(f, AS_OF)
    assert verdict.status == status
    assert (verdict.reasons == ()) == (status == ReviewStatus.SNOOZED)


def test_closed_deals_are_closed_whatever_their_history():
    f = facts(open=False, last_call=None, created=AS_OF - dt.timedelta(days=400))
    assert judge(f, AS_OF).status == ReviewStatus.CLOSED
    assert judge(f, AS_OF).reasons == ()
