"""Learning thresholds from a small generated team with a real signal, the chart, applying it."""

from __future__ import annotations

import datetime as dt
import random
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from aba.sales.models import Account, Call, Opportunity, Stage, User
from aba.sales.services.teams import ensure_team
from aba.sales.services.thresholds import (
    apply_thresholds,
    learn_thresholds,
    threshold_samples,
    write_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def closed_deals(n: int = 300, seed: int = 3) -> Stage:
    """Deals in Discovery decided 0-90 days after their last advance: won 60% of the time
    within 30 days, 8% after. Won deals close with an order on the decision day."""
    rng = random.Random(seed)
    team = ensure_team("Signal")
    stage = team.stages.get(name="Discovery")
    rep = User.objects.create(username="sig", team=team)
    account = Account.objects.create(name="Signal Co")
    calls = []
    for i in range(n):
        days = rng.randint(0, 90)
        won = rng.random() < (0.6 if days <= 30 else 0.08)
        closed = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randint(0, 60))
        opp = Opportunity.objects.create(
            account=account,
            name=f"S{i}",
            owner=rep,
            stage=stage,
            amount=Decimal(1000),
            status="won" if won else "lost",
            created=closed - dt.timedelta(days=days + 20),
            closed=closed,
        )
        advance = dt.datetime.combine(closed - dt.timedelta(days=days), dt.time(11), tzinfo=dt.UTC)
        calls.append(Call(opportunity=opp, rep=rep, when=advance, outcome="advance"))
        last = "order" if won else "no_sale"
        decision = dt.datetime.combine(closed, dt.time(15), tzinfo=dt.UTC)
        calls.append(Call(opportunity=opp, rep=rep, when=decision, outcome=last))
    Call.objects.bulk_create(calls)
    return stage


def test_samples_measure_days_from_the_last_advance_before_the_decision(db):
    stage = closed_deals(n=40)
    samples = threshold_samples(team="Signal")[stage.pk]
    assert len(samples) == 40
    assert all(0 <= s.days <= 90 for s in samples)  # the closing order is not the advance
    assert {s.won for s in samples} == {True, False}


def test_a_real_signal_gives_a_sensible_threshold_and_applies(db, tmp_path):
    stage = closed_deals()
    results = {r.stage: r for r in learn_thresholds(team="Signal")}
    learned = results["Discovery"].proposal
    assert learned.learned and 15 <= learned.threshold_days <= 35, learned.note
    assert learned.n == 300
    assert not results["Proposal"].proposal.learned  # no deals there: the team default
    assert results["Proposal"].proposal.threshold_days == 30
    assert apply_thresholds(list(results.values())) == 1
    stage.refresh_from_db()
    assert (stage.threshold_days, stage.threshold_learned) == (learned.threshold_days, True)
    assert stage.effective_threshold() == learned.threshold_days


def test_a_learned_threshold_is_withdrawn_when_the_evidence_goes(db):
    stage = closed_deals()
    apply_thresholds(learn_thresholds(team="Signal"))
    Opportunity.objects.filter(stage=stage).delete()
    assert apply_thresholds(learn_thresholds(team="Signal")) == 1
    stage.refresh_from_db()
    assert (stage.threshold_days, stage.threshold_learned) == (None, False)


def test_the_chart_is_valid_svg_with_a_panel_per_stage(db, tmp_path):
    closed_deals(n=120)
    results = learn_thresholds(team="Signal")
    path = write_chart(results, tmp_path / "chart.svg", today=dt.date(2026, 9, 1))
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    panels = root.findall(f"{SVG}g")
    assert len(panels) == len(results) == 6
    discovery = next(p for p in panels if p.get("aria-label") == "Discovery")
    assert discovery.find(f"{SVG}polyline") is not None  # the win-rate line
    assert len(discovery.findall(f"{SVG}circle")) >= 5  # one point per populated bucket
    classes = {el.get("class") for el in discovery.iter()}
    assert {"base", "half", "threshold", "axis", "band"} <= classes
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "win rate" in texts and "days since the last advance" in texts


@pytest.mark.parametrize("team", [None, "Nobody"])
def test_no_closed_deals_means_defaults_everywhere(db, team):
    ensure_team("Empty")
    results = learn_thresholds(team=team)
    assert all(not r.proposal.learned for r in results)
