"""The pipeline review on a real database: hand-made deals through the models to review_pipeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from aba.core.vocabulary import OpportunityStatus, Reason, ReviewStatus
from aba.sales.models import Account, Call, Commitment, Opportunity, Snooze
from aba.sales.services.review import review_pipeline, snooze, unsnooze

AS_OF = dt.date(2026, 3, 2)
R = Reason
NO_ADV = R.NO_ADVANCE_IN_DAYS


def day(offset: int) -> dt.date:
    return AS_OF + dt.timedelta(days=offset)


def log(
    opp,
    offset: int,
    outcome: str | None = "continuation",
    *,
    stall=None,
    asked=True,
    value=True,
    commitments=(),
    hour: int = 10,
) -> Call:
    """A call `offset` days from AS_OF with commitments given as (party, due offset, vague)."""
    when = dt.datetime.combine(day(offset), dt.time(hour), tzinfo=dt.UTC)
    call = Call.objects.create(
        opportunity=opp,
        rep=opp.owner,
        when=when,
        outcome=outcome,
        stall=stall,
        asked=asked,
        value_given=value,
    )
    for party, due, *rest in commitments:
        Commitment.objects.create(
            call=call,
            party=party,
            action=f"{party} action",
            who="Pat" if party == "customer" else "",
            due=None if due is None else day(due),
            vague=bool(rest and rest[0]),
        )
    return call


def review(**kw):
    return review_pipeline(as_of=kw.pop("as_of", AS_OF), **kw)


def row(rev, opp):
    return next(r for r in rev.rows if r.id == opp.pk)


def verdict(opp, **kw):
    r = row(review(**kw), opp)
    return r.status, set(r.reasons)


@pytest.fixture
def opp(org):
    return org.opp


def test_advance_with_a_dated_customer_action_ahead_is_advancing(opp):
    log(opp, -40, "advance", commitments=[("customer", 5)])
    log(opp, -3, "advance", commitments=[("customer", 10), ("rep", 1)])
    assert verdict(opp) == (ReviewStatus.ADVANCING, set())


def test_no_commitment(opp):
    log(opp, -5, "advance", commitments=[("customer", -4)])
    log(opp, -3, "continuation", stall="no_next_step")
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_COMMITMENT})


def test_waiting_on_prospect(opp):
    log(opp, -5, "advance", commitments=[("customer", -4)])
    log(opp, -2, "continuation", stall="waiting_on_prospect", commitments=[("customer", 7, True)])
    assert verdict(opp) == (ReviewStatus.STALLED, {R.WAITING_ON_PROSPECT})


def test_rep_followup_only(opp):
    log(opp, -5, "advance", commitments=[("customer", -4)])
    log(opp, -2, "continuation", stall="rep_followup_only", commitments=[("rep", 3)])
    assert verdict(opp) == (ReviewStatus.STALLED, {R.REP_FOLLOWUP_ONLY})


def test_commitment_overdue_until_a_call_records_what_happened(opp):
    log(opp, -10, "advance", commitments=[("customer", -3)])
    assert verdict(opp) == (ReviewStatus.STALLED, {R.COMMITMENT_OVERDUE})
    rev = review()
    assert row(rev, opp).overdue_first_due == day(-3)
    # Not yet due the day before; due today is not overdue either.
    assert verdict(opp, as_of=day(-4)) == (ReviewStatus.ADVANCING, set())
    assert verdict(opp, as_of=day(-3)) == (ReviewStatus.ADVANCING, set())
    # A call on the due date records what happened: no longer overdue.
    log(opp, -3, "advance", commitments=[("customer", 9)])
    assert verdict(opp) == (ReviewStatus.ADVANCING, set())


def test_a_kept_commitment_is_not_overdue(opp):
    call = log(opp, -10, "advance", commitments=[("customer", -3)])
    call.commitments.update(status="kept")
    assert verdict(opp) == (ReviewStatus.ADVANCING, set())


def test_no_advance_in_days_from_the_team_or_stage_threshold(opp, org):
    log(opp, -40, "advance", commitments=[("customer", -35)])
    log(opp, -35, "continuation", commitments=[("customer", -30)])
    Commitment.objects.filter(call__opportunity=opp).update(status="kept")
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_ADVANCE_IN_DAYS})
    assert row(review(), opp).days_stalled == 40
    org.team_a.no_advance_days = 45
    org.team_a.save()
    assert verdict(opp) == (ReviewStatus.ADVANCING, set())
    opp.stage.threshold_days = 20
    opp.stage.save()
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_ADVANCE_IN_DAYS})


def test_order_not_asked_on_a_reorder_account(opp, org):
    Account.objects.filter(pk=org.account.pk).update(reorders=True)
    log(opp, -3, "advance", asked=False, commitments=[("customer", 4)])
    assert verdict(opp) == (ReviewStatus.STALLED, {R.ORDER_NOT_ASKED})


def test_no_value_on_the_last_two_calls(opp):
    log(opp, -9, "advance", value=False, commitments=[("customer", -8)])
    log(opp, -3, "advance", value=False, commitments=[("customer", 4)])
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_VALUE})


def test_no_calls_once_older_than_the_threshold(opp):
    assert verdict(opp, as_of=dt.date(2026, 1, 20)) == (ReviewStatus.ADVANCING, set())
    assert verdict(opp, as_of=dt.date(2026, 2, 10)) == (ReviewStatus.STALLED, {R.NO_CALLS})


def test_later_calls_and_deals_do_not_exist_yet(opp):
    log(opp, -3, "continuation", stall="no_next_step")
    log(opp, 2, "advance", commitments=[("customer", 9)])
    # Never advanced since it was created on 5 January: that reason applies too.
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_COMMITMENT, R.NO_ADVANCE_IN_DAYS})
    assert opp.pk not in {r.id for r in review(as_of=dt.date(2026, 1, 1)).rows}


def test_the_latest_call_of_a_day_decides(opp):
    log(opp, -1, "advance", commitments=[("customer", 5)], hour=9)
    log(opp, -1, "continuation", stall="no_next_step", hour=16)
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_COMMITMENT})


def test_combination_rep_callback_slipped_commitment_and_no_value(opp, org):
    Account.objects.filter(pk=org.account.pk).update(reorders=True)
    log(opp, -50, "advance", value=False, commitments=[("customer", -45)])
    log(
        opp,
        -48,
        "continuation",
        value=False,
        asked=False,
        stall="rep_followup_only",
        commitments=[("rep", -46)],
    )
    status, reasons = verdict(opp)
    assert status == ReviewStatus.STALLED
    assert reasons == {
        R.REP_FOLLOWUP_ONLY,
        R.COMMITMENT_OVERDUE,
        R.NO_ADVANCE_IN_DAYS,
        R.ORDER_NOT_ASKED,
        R.NO_VALUE,
    }


def test_closed_deals_are_closed_and_were_open_before_closing(opp):
    log(opp, -3, "continuation", stall="no_next_step")
    Opportunity.objects.filter(pk=opp.pk).update(status=OpportunityStatus.LOST, closed=day(-1))
    assert verdict(opp) == (ReviewStatus.CLOSED, set())
    assert verdict(opp, as_of=day(-2)) == (ReviewStatus.STALLED, {R.NO_COMMITMENT, NO_ADV})


def test_a_snooze_shows_until_its_date_then_the_deal_comes_back(opp, org):
    log(opp, -3, "continuation", stall="no_next_step")
    snooze(opp, by=org.rep, reason="Budget freeze until April", until=day(10))
    r = row(review(), opp)
    assert (r.status, r.reasons, r.snoozed_until) == (ReviewStatus.SNOOZED, (), day(10))
    assert r.snooze_reason == "Budget freeze until April"
    assert verdict(opp, as_of=day(10)) == (ReviewStatus.STALLED, {R.NO_COMMITMENT, NO_ADV})
    unsnooze(opp, today=AS_OF)
    assert verdict(opp) == (ReviewStatus.STALLED, {R.NO_COMMITMENT, NO_ADV})
    with pytest.raises(ValueError):
        snooze(opp, by=org.rep, reason="  ", until=day(10))


def test_json_has_the_contract_shape(opp, org):
    Opportunity.objects.filter(pk=opp.pk).update(external_id="SF-1")
    log(opp, -20, "advance", commitments=[("customer", -15)])
    log(
        opp,
        -5,
        "continuation",
        stall="waiting_on_prospect",
        commitments=[("customer", None), ("rep", -1)],
    )
    doc = review().to_json()
    assert doc["as_of"] == "2026-03-02"
    first = next(o for o in doc["opportunities"] if o["id"] == "SF-1")
    assert list(first)[:6] == [
        "id",
        "status",
        "reasons",
        "last_call",
        "last_advance",
        "open_commitments",
    ]
    assert first["status"] == "stalled"
    assert first["reasons"] == ["waiting_on_prospect"]
    assert first["last_call"] == "2026-02-25" and first["last_advance"] == "2026-02-10"
    assert first["open_commitments"] == [
        {"party": "rep", "who": "", "action": "rep action", "due": "2026-03-01"},
        {"party": "customer", "who": "Pat", "action": "customer action", "due": None},
    ]
    other = next(o for o in doc["opportunities"] if o["name"] == "Acme add-on")
    assert other["id"] == str(org.other_opp.pk) and other["reasons"] == ["no_calls"]


def test_open_commitments_include_slipped_and_pending_ones_from_earlier_calls(opp):
    log(opp, -30, "advance", commitments=[("customer", -20), ("customer", 20)])
    log(opp, -25, "advance", commitments=[("customer", -24)])
    dues = [c["due"] for c in row(review(), opp).open_commitments]
    assert dues == [day(-24), day(-20), day(20)]


@pytest.mark.parametrize("closed", [day(-1), None])
def test_a_closed_deal_lists_its_open_commitments_by_the_same_rule(opp, closed):
    log(opp, -30, "advance", commitments=[("customer", -28), ("customer", 20)])
    log(opp, -10, "advance", commitments=[("rep", -12)])
    Opportunity.objects.filter(pk=opp.pk).update(status=OpportunityStatus.WON, closed=closed)
    r = row(review(), opp)
    assert r.status == ReviewStatus.CLOSED and r.last_call is None
    assert [(c["party"], c["due"]) for c in r.open_commitments] == [
        ("rep", day(-12)),
        ("customer", day(20)),
    ]


def test_attention_order_puts_the_most_money_at_risk_first(org):
    small, big = org.opp, org.other_opp
    Opportunity.objects.filter(pk=small.pk).update(amount=Decimal("1000"))
    Opportunity.objects.filter(pk=big.pk).update(amount=Decimal("90000"))
    log(small, -3, "continuation", stall="no_next_step")
    log(big, -3, "continuation", stall="no_next_step")
    log(org.foreign_opp, -3, "advance", commitments=[("customer", 3)])
    names = [r.name for r in review().rows]
    assert names == ["Acme add-on", "Acme platform", "Acme EU"]


def test_scope_follows_visibility_team_and_rep(org):
    def names(**kw):
        return {r.name for r in review(**kw).rows}

    assert names(user=org.rep) == {"Acme platform"}
    assert names(user=org.manager) == {"Acme platform", "Acme add-on"}
    assert names(user=org.admin) == {"Acme platform", "Acme add-on", "Acme EU"}
    assert names(user=org.foreign_manager) == {"Acme EU"}
    assert names(team="Team B") == {"Acme EU"}
    assert names(rep="omar") == {"Acme add-on"}
    assert names(user=org.manager, team="Team B") == set()


def test_managers_see_their_teams_snoozes(org):
    from aba.sales.services.review import active_snoozes

    Snooze.objects.create(
        opportunity=org.other_opp, reason="Merger", until=day(5), created_by=org.other_rep
    )
    Snooze.objects.create(opportunity=org.foreign_opp, reason="Holiday", until=day(5))
    assert [s.reason for s in active_snoozes(user=org.manager, as_of=AS_OF)] == ["Merger"]
    assert len(active_snoozes(user=org.admin, as_of=AS_OF)) == 2
    assert list(active_snoozes(user=org.rep, as_of=AS_OF)) == []


def test_the_six_questions(org):
    Account.objects.filter(pk=org.account.pk).update(reorders=True)
    log(org.opp, -3, "continuation", stall="no_next_step", asked=False)
    log(org.other_opp, -9, "advance", value=False, commitments=[("customer", -4)])
    log(org.other_opp, -6, "continuation", value=False, asked=False, commitments=[("rep", -1)])
    qs = {q.reason: q for q in review().questions()}
    assert list(qs) == [
        R.NO_COMMITMENT,
        R.WAITING_ON_PROSPECT,
        R.REP_FOLLOWUP_ONLY,
        R.COMMITMENT_OVERDUE,
        R.ORDER_NOT_ASKED,
        R.NO_VALUE,
    ]
    assert [r.name for r in qs[R.NO_COMMITMENT].rows] == ["Acme platform"]
    assert [r.name for r in qs[R.REP_FOLLOWUP_ONLY].rows] == ["Acme add-on"]
    assert [r.name for r in qs[R.COMMITMENT_OVERDUE].rows] == ["Acme add-on"]
    assert [r.name for r in qs[R.NO_VALUE].rows] == ["Acme add-on"]
    assert qs[R.ORDER_NOT_ASKED].count == 2 and qs[R.ORDER_NOT_ASKED].amount == 100000
    assert qs[R.WAITING_ON_PROSPECT].count == 0
    assert qs[R.NO_COMMITMENT].to_json()["opportunities"] == [str(org.opp.pk)]


def test_the_review_takes_the_same_queries_for_three_deals_or_thirty(org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            rev = review()
            rev.to_json()
            rev.questions()
        return len(ctx.captured_queries)

    for opp in (org.opp, org.other_opp, org.foreign_opp):
        log(opp, -3, "continuation", commitments=[("rep", 2)])
    few = count()
    for i in range(27):
        more = Opportunity.objects.create(
            account=org.account,
            name=f"More {i}",
            owner=org.rep,
            stage=org.opp.stage,
            created=dt.date(2026, 1, 5),
        )
        log(more, -2, "advance", commitments=[("customer", 5)])
    # Opportunities, users, stages, live deals' facts, snoozes, open commitments (+ savepoint,
    # SET and release on PostgreSQL), however many deals.
    assert count() == few <= 9
