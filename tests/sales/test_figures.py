"""Advancing figures per rep, team and month on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.sales.models import Call, Commitment
from aba.sales.services.figures import advancing_figures

AS_OF = dt.date(2026, 3, 20)


def log(opp, day: dt.date, outcome: str, *, asked=True, rep=None) -> Call:
    when = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
    return Call.objects.create(
        opportunity=opp,
        rep=rep or opp.owner,
        when=when,
        outcome=outcome,
        asked=asked,
        value_given=True,
    )


def rows(report, level, name):
    return {
        f.month.strftime("%Y-%m"): f for f in report.rows if f.level == level and f.name == name
    }


def test_rates_commitments_gaps_and_stalled_value(org):
    d = dt.date
    log(org.opp, d(2026, 1, 10), "advance")
    log(org.opp, d(2026, 2, 3), "continuation", asked=False)
    log(org.opp, d(2026, 2, 9), "advance")  # 30 days after the last advance
    a = log(org.opp, d(2026, 2, 20), "order")  # 11 days after
    Commitment.objects.create(
        call=a, party="customer", action="x", due=d(2026, 3, 1), status="kept"
    )
    Commitment.objects.create(
        call=a, party="customer", action="y", due=d(2026, 3, 5), status="missed"
    )
    Commitment.objects.create(call=a, party="rep", action="z", due=d(2026, 3, 5), status="kept")
    log(org.other_opp, d(2026, 3, 2), "continuation")
    log(org.foreign_opp, d(2026, 3, 4), "advance")

    report = advancing_figures(months=3, as_of=AS_OF)
    assert [m.isoformat() for m in report.months] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    rita = rows(report, "rep", "rita")
    assert rita["2026-02"].calls == 3
    assert rita["2026-02"].advance_rate == pytest.approx(2 / 3)
    assert rita["2026-02"].continuation_rate == pytest.approx(1 / 3)
    assert rita["2026-02"].asked_rate == pytest.approx(2 / 3)
    assert rita["2026-02"].median_days_between_advances == 20.5  # gaps 30 and 11
    assert rita["2026-01"].median_days_between_advances is None
    assert (rita["2026-03"].kept, rita["2026-03"].missed) == (1, 1)  # customer's only
    assert rita["2026-03"].calls == 0 and rita["2026-03"].advance_rate is None
    # omar's add-on: created 5 Jan, never advanced: stalled at the end of February and March.
    omar = rows(report, "rep", "omar")
    assert omar["2026-02"].stalled_value == 50000 and omar["2026-03"].stalled_value == 50000
    assert "2026-01" not in omar  # 26 days old on 31 January: not stalled, nothing to show
    team_a = rows(report, "team", "Team A")
    assert team_a["2026-03"].calls == 1 and team_a["2026-02"].calls == 3
    assert team_a["2026-02"].stalled_value == 50000
    doc = report.to_json()
    assert doc["as_of"] == "2026-03-20"
    assert {
        "level",
        "name",
        "month",
        "calls",
        "advance_rate",
        "continuation_rate",
        "asked_rate",
        "commitments_kept",
        "commitments_missed",
        "median_days_between_advances",
        "stalled_value",
    } <= set(doc["figures"][0])


def test_scope_by_user_team_and_rep(org):
    log(org.opp, dt.date(2026, 3, 2), "advance")
    log(org.foreign_opp, dt.date(2026, 3, 4), "advance")
    names = {f.name for f in advancing_figures(user=org.manager, months=1, as_of=AS_OF).rows}
    assert "fred" not in names and "Team B" not in names and "rita" in names
    names = {f.name for f in advancing_figures(team="Team B", months=1, as_of=AS_OF).rows}
    assert names == {"fred", "Team B"}
    names = {f.name for f in advancing_figures(rep="rita", months=1, as_of=AS_OF).rows}
    assert names == {"rita", "Team A"}


def test_figures_take_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    for i in range(5):
        log(org.opp, dt.date(2026, 1, 10 + i), "advance")
    # 3 aggregates + a review per month: 6 queries (+ savepoint, SET and release on PostgreSQL)
    with django_assert_max_num_queries(3 + 9 * 3):
        advancing_figures(months=3, as_of=AS_OF)
