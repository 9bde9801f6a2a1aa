"""The set-based review query and the one-opportunity rules agree: on generated pipelines, the
facts one SQL query gathers equal facts built per opportunity in plain Python over the same rows."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from aba.core.review_rules import LastCall, OpportunityFacts, judge
from aba.sales.models import Account, Call, Commitment, Opportunity, Snooze, User
from aba.sales.queries.review import opportunity_record, review_records
from aba.sales.services.review import review_opportunity, review_pipeline
from aba.sales.services.teams import ensure_team

START = dt.date(2026, 1, 1)
OUTCOMES = ["order", "advance", "continuation", "no_sale", None]
STALLS = ["waiting_on_prospect", "rep_followup_only", "no_next_step", None]


def generate(seed: int, n: int = 60) -> None:
    """A random pipeline: awkward cases on purpose (same-minute calls, due on the call's day,
    commitments kept or missed, closed deals, overlapping snoozes)."""
    rng = random.Random(seed)
    team = ensure_team(f"Team {seed}")
    team.no_advance_days = rng.choice([20, 30])
    team.save()
    stages = list(team.stages.all())
    for stage in stages[:2]:
        stage.threshold_days = rng.choice([10, 45])
        stage.save()
    reps = [User.objects.create(username=f"r{seed}-{i}", team=team) for i in range(3)]
    accounts = [Account.objects.create(name=f"A{seed}-{i}", reorders=i % 3 == 0) for i in range(5)]
    opps = []
    for i in range(n):
        created = START + dt.timedelta(days=rng.randint(0, 60))
        status = rng.choice(["open", "open", "won", "lost"])
        closed = created + dt.timedelta(days=rng.randint(5, 90)) if status != "open" else None
        opps.append(
            Opportunity(
                external_id=f"G{seed}-{i}" if i % 2 else None,
                account=rng.choice(accounts),
                name=f"Deal {seed}-{i}",
                owner=rng.choice(reps),
                stage=rng.choice(stages),
                amount=Decimal(rng.randint(1, 100) * 1000),
                status=status,
                created=created,
                closed=closed,
            )
        )
    opps = Opportunity.objects.bulk_create(opps)
    calls = []
    for opp in opps:
        when = dt.datetime.combine(opp.created, dt.time(9), tzinfo=dt.UTC)
        for _ in range(rng.choice([0, 1, 2, 3, 4, 6])):
            when += dt.timedelta(days=rng.choice([0, 0, 1, 3, 7, 15, 30]))
            calls.append(
                Call(
                    opportunity=opp,
                    rep=opp.owner,
                    when=when,
                    outcome=rng.choice(OUTCOMES),
                    stall=rng.choice(STALLS),
                    asked=rng.random() < 0.6,
                    value_given=rng.random() < 0.5,
                )
            )
        if rng.random() < 0.2:
            Snooze.objects.create(
                opportunity=opp,
                reason="pause",
                until=START + dt.timedelta(days=rng.randint(30, 120)),
            )
    calls = Call.objects.bulk_create(calls)
    commitments = []
    for call in calls:
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            due = call.when.date() + dt.timedelta(days=rng.randint(-2, 40))
            commitments.append(
                Commitment(
                    call=call,
                    party=rng.choice(["customer", "customer", "rep"]),
                    action="x",
                    due=None if rng.random() < 0.2 else due,
                    vague=rng.random() < 0.2,
                    status=rng.choice(["open", "open", "open", "kept", "missed"]),
                )
            )
    Commitment.objects.bulk_create(commitments)


def python_facts(as_of: dt.date) -> dict[int, OpportunityFacts]:
    """The same facts, one opportunity at a time, from plain Python over all rows."""
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    calls: dict[int, list[Call]] = {}
    for c in Call.objects.all():
        if c.when < cutoff:
            calls.setdefault(c.opportunity_id, []).append(c)
    by_call: dict[int, list[Commitment]] = {}
    for m in Commitment.objects.all():
        by_call.setdefault(m.call_id, []).append(m)
    snoozes: dict[int, list[dt.date]] = {}
    for z in Snooze.objects.all():
        snoozes.setdefault(z.opportunity_id, []).append(z.until)
    out = {}
    for opp in Opportunity.objects.select_related("stage__team", "account"):
        if opp.created > as_of:
            continue
        is_open = opp.status == "open" or (opp.closed is not None and opp.closed > as_of)
        # A deal closed by the review date: the review reads none of its calls.
        mine = sorted(calls.get(opp.pk, []), key=lambda c: (c.when, c.pk), reverse=True)
        mine = mine if is_open else []
        last = mine[0] if mine else None
        last_call = None
        if last is not None:
            ms = by_call.get(last.pk, [])
            last_call = LastCall(
                date=last.when.date(),
                outcome=last.outcome,
                stall=last.stall,
                asked=last.asked,
                value_given=last.value_given,
                has_customer_commitment=any(m.party == "customer" for m in ms),
                has_dated_customer_commitment=any(
                    m.party == "customer" and m.due is not None and not m.vague for m in ms
                ),
                has_rep_commitment=any(m.party == "rep" for m in ms),
            )
        open_customer = [
            m
            for c in mine
            for m in by_call.get(c.pk, [])
            if m.party == "customer" and m.status == "open" and m.due is not None
        ]
        # Overdue: fell due before as_of and no call on or after its due date.
        overdue = [
            m.due
            for m in open_customer
            if m.due < as_of and not any(c.when.date() >= m.due for c in mine)
        ]
        advances = [c.when.date() for c in mine if c.outcome in ("advance", "order")]
        active = [u for u in snoozes.get(opp.pk, []) if u > as_of and is_open]
        out[opp.pk] = OpportunityFacts(
            open=is_open,
            created=opp.created,
            amount=opp.amount,
            reorders=opp.account.reorders,
            threshold_days=opp.stage.threshold_days or opp.stage.team.no_advance_days,
            snoozed_until=max(active) if active else None,
            last_call=last_call,
            previous_value_given=mine[1].value_given if len(mine) > 1 else None,
            last_advance=max(advances) if advances else None,
            overdue_count=len(overdue),
            overdue_first_due=min(overdue) if overdue else None,
            pending_customer_commitment=any(m.due >= as_of for m in open_customer),
        )
    return out


def python_open_commitments(as_of: dt.date) -> dict[int, list[tuple]]:
    """Per opportunity created by `as_of`, its open commitments as the review lists them: made
    on the last call, or due after its day; soonest first, undated last."""
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    out: dict[int, list[tuple]] = {}
    for opp in Opportunity.objects.filter(created__lte=as_of):
        calls = sorted(
            (c for c in opp.calls.all() if c.when < cutoff), key=lambda c: (c.when, c.pk)
        )
        if not calls:
            continue
        last = calls[-1]
        kept = [
            m
            for c in calls
            for m in c.commitments.all()
            if m.status == "open"
            and (m.call_id == last.pk or (m.due is not None and m.due > last.when.date()))
        ]
        kept.sort(key=lambda m: (m.due is None, m.due or dt.date.min, m.pk))
        if kept:
            out[opp.pk] = [(m.party, m.who, m.action, m.due) for m in kept]
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_set_based_facts_equal_per_opportunity_facts(db, seed):
    generate(seed)
    for as_of in (START + dt.timedelta(days=d) for d in (20, 45, 75, 110, 200)):
        expected = python_facts(as_of)
        got = {r.id: r.facts for r in review_records(as_of)}
        assert got.keys() == expected.keys()
        for oid, facts in expected.items():
            assert got[oid] == facts, (as_of, oid)
        lists = {
            r.id: [(c["party"], c["who"], c["action"], c["due"]) for c in r.open_commitments]
            for r in review_records(as_of, with_commitments=True)
            if r.open_commitments
        }
        assert lists == python_open_commitments(as_of), as_of
        with_lists = {r.id: r.facts for r in review_records(as_of, with_commitments=True)}
        assert with_lists == got


def test_generated_pipelines_exercise_every_status_and_reason(db):
    for seed in (1, 2, 3):
        generate(seed)
    as_of = START + dt.timedelta(days=75)
    review = review_pipeline(as_of=as_of)
    statuses = {r.status.value for r in review.rows}
    reasons = {reason.value for r in review.rows for reason in r.reasons}
    assert statuses == {"advancing", "stalled", "snoozed", "closed"}
    assert len(reasons) == 8, reasons
    facts = python_facts(as_of)
    for row in review.rows:
        assert (row.status, row.reasons) == (
            judge(facts[row.id], as_of).status,
            judge(facts[row.id], as_of).reasons,
        )


@pytest.mark.parametrize("seed", [4, 5])
def test_one_opportunity_gets_the_same_record_and_judgement_as_the_whole_review(db, seed):
    """The opportunity page's path (index seeks on one deal) and the pipeline's set-based path
    give the same record, open commitments included, and the same line of the review."""
    generate(seed, n=40)
    for as_of in (START + dt.timedelta(days=d) for d in (20, 75, 200)):
        records = review_records(as_of, with_commitments=True)
        rows = {r.id: r for r in review_pipeline(as_of=as_of).rows}
        for record in records:
            assert opportunity_record(record.id, as_of, with_commitments=True) == record
            assert opportunity_record(record.id, as_of) == record._replace(open_commitments=[])
            assert review_opportunity(record.id, as_of=as_of) == rows[record.id]
        later = Opportunity.objects.filter(created__gt=as_of).values_list("id", flat=True)
        for oid in list(later)[:3]:
            assert opportunity_record(oid, as_of) is None
