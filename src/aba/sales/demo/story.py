"""Plan each demo opportunity's life: its calls, their outcomes and commitments, over time.

Won deals advance briskly and end with an order; lost deals wait longer between advances and
drift through continuations before the no-sale, so the gap since the last advance predicts the
result. Open deals end in one of the shapes the pipeline review must tell apart (their
`archetype`): advancing, each stall, an overdue customer commitment, no advance for weeks, a
re-order visit that never asked for the order, calls that gave no value, no calls, or snoozed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from random import Random

from aba.core.vocabulary import (
    CommitmentStatus,
    OpportunityStatus,
    Outcome,
    Party,
    Reason,
    ReviewStatus,
    Stall,
    ValueKind,
)
from aba.sales.demo.dates import business_day
from aba.sales.demo.plans import CallPlan, CommitmentPlan, OppPlan

DAY = dt.timedelta(days=1)
LAST_STAGE = 5
# The customer advances that move a buyer out of each stage of the default roadmap.
STAGE_ADVANCES: tuple[tuple[str, ...], ...] = (
    ("discovery",),
    ("intro_dm", "requirements"),
    ("demo", "demo", "bring_dm"),
    ("trial", "security"),
    ("proposal_review", "bring_dm"),
    ("procurement",),
)
EVENT_KINDS = frozenset(
    {"discovery", "intro_dm", "demo", "bring_dm", "trial", "proposal_review", "procurement"}
    | {"sign", "reorder_po"}  # decision meetings: the contract or the re-order goes to the signer
)
# Usual days from an advance to the event it books, per stage, on a deal that will be won.
BASE_GAP = (6, 9, 9, 15, 9, 11)


@dataclass(frozen=True, slots=True)
class Mood:
    p_cont: float  # chance of a continuation before each advance
    gap_scale: float  # multiplies the stage's usual wait for the booked event
    keep: float  # chance the customer keeps a commitment on time
    cont_gap: tuple[int, int]  # days from a continuation to the next call


WINNING = Mood(0.5, 1.0, 0.94, (4, 10))
OPEN = Mood(0.62, 1.3, 0.86, (5, 12))
LOSING = Mood(0.65, 1.6, 0.7, (7, 18))

OPEN_SHAPES: tuple[tuple[str, float], ...] = (
    (ReviewStatus.ADVANCING, 0.38),
    (Reason.NO_COMMITMENT, 0.09),
    (Reason.WAITING_ON_PROSPECT, 0.10),
    (Reason.REP_FOLLOWUP_ONLY, 0.09),
    (Reason.COMMITMENT_OVERDUE, 0.10),
    (Reason.NO_ADVANCE_IN_DAYS, 0.08),
    (Reason.NO_VALUE, 0.06),
    (Reason.NO_CALLS, 0.04),
    (ReviewStatus.SNOOZED, 0.06),
)
REORDER_SHAPES: tuple[tuple[str, float], ...] = (
    (ReviewStatus.ADVANCING, 0.45),
    (Reason.ORDER_NOT_ASKED, 0.35),
    (Reason.COMMITMENT_OVERDUE, 0.20),
)
_VALUE_KINDS = tuple(ValueKind)


def _value(rng: Random, chance: float) -> tuple[ValueKind, ...]:
    if rng.random() >= chance:
        return ()
    kinds = rng.sample(_VALUE_KINDS, 2 if rng.random() < 0.25 else 1)
    return tuple(sorted(kinds, key=_VALUE_KINDS.index))


def _rep_commitment(rng: Random, day: dt.date) -> CommitmentPlan:
    if rng.random() < 0.08:
        return CommitmentPlan(Party.REP, "rep", None, vague=True)
    return CommitmentPlan(Party.REP, "rep", business_day(day + rng.randint(1, 8) * DAY))


def _advance(
    rng: Random, day: dt.date, stage: int, mood: Mood, kind: str | None = None, gap: int = 0
) -> CallPlan:
    kind = kind or rng.choice(STAGE_ADVANCES[stage])
    gap = gap or max(1, round(BASE_GAP[stage] * mood.gap_scale * rng.lognormvariate(0, 0.35)))
    contact = 1 if kind == "sign" and rng.random() < 0.5 else (0 if rng.random() < 0.8 else 2)
    promise = CommitmentPlan(
        Party.CUSTOMER,
        kind,
        business_day(day + gap * DAY),
        contact=contact,
        kept=rng.random() < mood.keep,
    )
    commitments = [promise]
    if rng.random() < 0.45:
        commitments.append(_rep_commitment(rng, day))
    return CallPlan(
        day,
        Outcome.ADVANCE,
        stage,
        asked=rng.random() < 0.9,
        commitments=commitments,
        value_kinds=_value(rng, 0.92),
        keen=rng.random() < 0.15,
    )


def _continuation(
    rng: Random, day: dt.date, stage: int, stall: Stall | None = None, **extra: object
) -> CallPlan:
    stall = stall or rng.choices(tuple(Stall), weights=(0.4, 0.35, 0.25))[0]
    commitments: list[CommitmentPlan] = []
    if stall == Stall.WAITING_ON_PROSPECT and rng.random() < 0.8:
        dated = rng.random() < 0.2
        due = business_day(day + (7 - day.weekday()) * DAY) if dated else None
        commitments.append(CommitmentPlan(Party.CUSTOMER, "wait", due, vague=True))
    elif stall == Stall.REP_FOLLOWUP_ONLY:
        commitments = [_rep_commitment(rng, day) for _ in range(1 + (rng.random() < 0.3))]
    asked = rng.random() < {Stall.NO_NEXT_STEP: 0.45, Stall.WAITING_ON_PROSPECT: 0.7}.get(
        stall, 0.5
    )
    call = CallPlan(
        day,
        Outcome.CONTINUATION,
        stage,
        stall=stall,
        asked=asked,
        commitments=commitments,
        value_kinds=_value(rng, 0.8),
        keen=stall == Stall.NO_NEXT_STEP and rng.random() < 0.35,
    )
    for key, value in extra.items():
        setattr(call, key, value)
    return call


def _run(
    rng: Random,
    calls: list[CallPlan],
    day: dt.date,
    stage: int,
    mood: Mood,
    *,
    advances: int,
    until: dt.date | None = None,
    last_kind: str | None = None,
) -> tuple[dt.date, int]:
    """Append up to `advances` advances (with continuations between) from `day`, stopping before
    `until`; return the day of the next call and the stage reached."""
    for i in range(advances):
        while rng.random() < mood.p_cont:
            if until and day >= until:
                return day, stage
            calls.append(_continuation(rng, day, stage))
            day = business_day(day + rng.randint(*mood.cont_gap) * DAY)
        if until and day >= until:
            return day, stage
        kind = last_kind if i == advances - 1 else None
        call = _advance(rng, day, stage, mood, kind)
        calls.append(call)
        promise = call.commitments[0]
        assert promise.due is not None
        if until and promise.due >= until:
            promise.due, promise.kept = until, True
            return until, _next_stage(rng, stage)
        day = promise.due
        if not promise.kept:
            day = business_day(day + rng.randint(2, 9) * DAY)
            if until and day >= until:
                return day, stage
            calls.append(_continuation(rng, day, stage, chased=promise))
            day = business_day(day + rng.randint(*mood.cont_gap) * DAY)
        stage = _next_stage(rng, stage)
    return day, stage


def _next_stage(rng: Random, stage: int) -> int:
    return min(LAST_STAGE, stage + (rng.random() < 0.8))


def _won(rng: Random, start: dt.date) -> tuple[list[CallPlan], int]:
    calls: list[CallPlan] = []
    stage = rng.choices((0, 1, 2), weights=(0.7, 0.2, 0.1))[0]
    day = start
    while stage < LAST_STAGE:
        day, stage = _run(rng, calls, day, stage, WINNING, advances=1)
    signing = 1 + (rng.random() < 0.4)  # a second signing meeting now and then
    day, _ = _run(rng, calls, day, stage, WINNING, advances=signing, last_kind="sign")
    calls.append(_closing(rng, day, stage, Outcome.ORDER))
    return calls, stage


def _lost(rng: Random, start: dt.date) -> tuple[list[CallPlan], int]:
    calls: list[CallPlan] = []
    stage = rng.choices((0, 1, 2), weights=(0.75, 0.15, 0.1))[0]
    reach = rng.choices(range(6), weights=(0.05, 0.1, 0.15, 0.15, 0.2, 0.35))[0]
    day, stage = _run(rng, calls, start, stage, LOSING, advances=max(0, reach - stage))
    quick = rng.random() < 0.15  # lost to a competitor soon after an advance: noise in the signal
    for _ in range(rng.randint(0, 1) if quick else rng.randint(2, 6)):
        calls.append(_continuation(rng, day, stage))
        day = business_day(day + rng.randint(*((3, 10) if quick else (9, 24))) * DAY)
    calls.append(_closing(rng, day, stage, Outcome.NO_SALE))
    return calls, stage


def _closing(rng: Random, day: dt.date, stage: int, outcome: Outcome, **extra: object) -> CallPlan:
    commitments = []
    if outcome == Outcome.ORDER and rng.random() < 0.4:
        commitments.append(
            CommitmentPlan(Party.REP, "kickoff", business_day(day + rng.randint(1, 9) * DAY))
        )
    call = CallPlan(
        day,
        outcome,
        stage,
        asked=rng.random() < (0.8 if outcome == Outcome.ORDER else 0.5),
        commitments=commitments,
        value_kinds=_value(rng, 0.7 if outcome == Outcome.ORDER else 0.4),
        keen=outcome == Outcome.ORDER and rng.random() < 0.5,
    )
    for key, value in extra.items():
        setattr(call, key, value)
    return call


def _shift(plan_calls: list[CallPlan], days: int) -> None:
    """Move calls and their due dates by whole weeks (so weekdays stay weekdays)."""
    delta = days * DAY
    for call in plan_calls:
        call.day += delta
        for c in call.commitments:
            if c.due is not None:
                c.due += delta


def plan_closed(rng: Random, today: dt.date, start: dt.date, *, won: bool) -> OppPlan:
    """A won or lost new-business deal that closed between `start` and yesterday."""
    latest = today - DAY
    for _attempt in range(8):
        created = start + rng.randint(0, max(0, (today - start).days - 30)) * DAY
        calls, stage = (_won if won else _lost)(
            rng, business_day(created + rng.randint(0, 3) * DAY)
        )
        over = (calls[-1].day - latest).days
        shift = 7 * math.ceil(over / 7) if over > 0 else 0
        if created - shift * DAY >= start:
            break
    _shift(calls, -shift)
    created -= shift * DAY
    status = OpportunityStatus.WON if won else OpportunityStatus.LOST
    return _settled(
        OppPlan(status, status.value, False, created, calls[-1].day, stage, calls), today
    )


def _back(day: dt.date) -> dt.date:
    """`day`, or the Friday before when it falls on a weekend."""
    return day - max(0, day.weekday() - 4) * DAY


def plan_open(rng: Random, today: dt.date, start: dt.date, shape: str) -> OppPlan:
    """An open new-business deal whose last calls give it `shape`."""
    ago = rng.randint  # days before today
    tail: list[CallPlan] = []
    snooze_until = None
    if shape == Reason.NO_CALLS:
        created = today - ago(31, 120) * DAY
        return OppPlan(OpportunityStatus.OPEN, shape, False, created, None, rng.randint(0, 1), [])
    if shape == ReviewStatus.ADVANCING:
        day = _back(today - ago(1, 14) * DAY)
        gap = (today - day).days + ago(1, 16)
        tail.append(_advance(rng, day, 0, OPEN, gap=gap))
    elif shape == Reason.COMMITMENT_OVERDUE:
        day = _back(today - ago(6, 40) * DAY)
        tail.append(_advance(rng, day, 0, OPEN, gap=rng.randint(1, (today - day).days - 3)))
    elif shape == Reason.NO_ADVANCE_IN_DAYS:  # the customer did their part; nobody called since
        day = _back(today - ago(36, 75) * DAY)
        tail.append(_advance(rng, day, 0, OPEN, gap=ago(3, 14)))
    elif shape == Reason.NO_VALUE:
        last = _back(today - ago(1, 15) * DAY)
        first = _back(last - ago(5, 15) * DAY)
        for day in (first, last):
            tail.append(_continuation(rng, day, 0, Stall.WAITING_ON_PROSPECT, value_kinds=()))
    else:
        stalls: dict[str, Stall] = {
            Reason.NO_COMMITMENT: Stall.NO_NEXT_STEP,
            Reason.REP_FOLLOWUP_ONLY: Stall.REP_FOLLOWUP_ONLY,
        }
        stall = stalls.get(shape, Stall.WAITING_ON_PROSPECT)
        day = _back(today - ago(3 if shape == ReviewStatus.SNOOZED else 1, 25) * DAY)
        tail.append(_continuation(rng, day, 0, stall))
        if shape == ReviewStatus.SNOOZED:
            snooze_until = today + ago(7, 60) * DAY
            tail[-1].commitments = [CommitmentPlan(Party.CUSTOMER, "snooze", None, vague=True)]
    for call in tail:
        for c in call.commitments:  # an old "next week" would make the deal look overdue too
            if c.vague and c.due is not None and c.due < today:
                c.due = None
    age = min(250, 3 + int(rng.expovariate(1 / 95)))
    created = max(start, tail[0].day - age * DAY)
    calls: list[CallPlan] = []
    stage = rng.choices((0, 1, 2), weights=(0.7, 0.2, 0.1))[0]
    day = business_day(created + rng.randint(0, 3) * DAY)
    if day < tail[0].day:
        _day, stage = _run(rng, calls, day, stage, OPEN, advances=99, until=tail[0].day)
    if tail[0].outcome == Outcome.ADVANCE:
        tail[0].commitments[0].kind = rng.choice(STAGE_ADVANCES[stage])
    for call in tail:
        call.stage = stage
        if shape != Reason.NO_VALUE and not call.value_kinds:
            call.value_kinds = (rng.choice(_VALUE_KINDS),)
    plan = OppPlan(OpportunityStatus.OPEN, shape, False, created, None, stage, calls + tail)
    plan.snooze_until = snooze_until
    _settled(plan, today)
    if shape == Reason.NO_ADVANCE_IN_DAYS:
        promise = tail[0].commitments[0]
        promise.status, promise.resolved_at = CommitmentStatus.KEPT, promise.due
    return plan


def plan_reorders(rng: Random, today: dt.date, start: dt.date, shape: str) -> list[OppPlan]:
    """A re-order account's repeat orders, one after another; the latest, open, has `shape`."""
    plans: list[OppPlan] = []
    calls: list[CallPlan] = []
    day = business_day(start + rng.randint(0, 150) * DAY)  # some became re-order accounts lately
    while (today - day).days >= 40:
        won = rng.random() < 0.85
        calls = []
        if rng.random() < 0.35:
            calls.append(_visit(rng, day, asked=rng.random() < 0.5))
            day = business_day(day + rng.randint(3, 9) * DAY)
        if won and rng.random() < 0.3:
            day, _ = _run(rng, calls, day, 5, WINNING, advances=1, last_kind="stock_count")
        if won:
            day, _ = _run(rng, calls, day, 5, WINNING, advances=1, last_kind="reorder_po")
        else:  # the PO they promised never came: chased, then lost to a competitor
            calls.append(_advance(rng, day, 5, LOSING, "reorder_po", rng.randint(3, 10)))
            promise = calls[-1].commitments[0]
            promise.kept = False
            day = business_day(day + rng.randint(12, 20) * DAY)
            calls.append(_continuation(rng, day, 5, chased=promise))
            day = business_day(day + rng.randint(5, 15) * DAY)
        calls.append(_closing(rng, day, 5, Outcome.ORDER if won else Outcome.NO_SALE))
        for call in calls:
            call.reorder = True
            call.asked = call.asked or call.outcome == Outcome.ADVANCE
        if day >= today - 7 * DAY:
            break  # this order is not in yet: the open re-order below takes its place
        status = OpportunityStatus.WON if won else OpportunityStatus.LOST
        created = calls[0].day - rng.randint(0, 2) * DAY
        plan = OppPlan(status, status.value, True, created, day, LAST_STAGE, calls)
        plans.append(_settled(plan, today))
        day = business_day(day + rng.randint(45, 110) * DAY)
    last = _back(today - rng.randint(1, 20) * DAY)
    calls = []
    if rng.random() < 0.4:
        calls.append(_visit(rng, _back(last - rng.randint(5, 15) * DAY), asked=True))
    if shape == Reason.ORDER_NOT_ASKED and rng.random() < 0.5:
        calls.append(_visit(rng, last, asked=False))
    elif shape == Reason.ORDER_NOT_ASKED:  # the customer offered something; nobody asked to order
        calls.append(
            _advance(rng, last, 5, OPEN, "usage", (today - last).days + rng.randint(1, 10))
        )
        calls[-1].asked = False
    elif shape == ReviewStatus.ADVANCING:
        calls.append(
            _advance(rng, last, 5, OPEN, "reorder_po", (today - last).days + rng.randint(1, 10))
        )
    else:
        day = _back(last - rng.randint(5, 20) * DAY)
        calls = [_advance(rng, day, 5, OPEN, "reorder_po", rng.randint(1, (today - day).days - 2))]
    for call in calls:
        call.reorder = True
        call.value_kinds = call.value_kinds or (ValueKind.SERVING,)
        if shape != Reason.ORDER_NOT_ASKED:
            call.asked = call.asked or call.outcome == Outcome.ADVANCE
    created = calls[0].day - rng.randint(0, 3) * DAY
    plan = OppPlan(OpportunityStatus.OPEN, shape, True, created, None, 4, calls)  # quoted
    plans.append(_settled(plan, today))
    return plans


def _visit(rng: Random, day: dt.date, *, asked: bool) -> CallPlan:
    """A re-order account visit that agreed nothing: the rep may or may not have asked."""
    return _continuation(rng, day, 5, Stall.NO_NEXT_STEP, asked=asked, reorder=True)


def _settled(plan: OppPlan, today: dt.date) -> OppPlan:
    """Set each commitment's status from what happened next and how the deal ended."""
    for i, call in enumerate(plan.calls):
        nxt = plan.calls[i + 1] if i + 1 < len(plan.calls) else None
        for c in call.commitments:
            if nxt is not None and c.party == Party.CUSTOMER:
                kept = c.kept and (not c.vague or nxt.outcome != Outcome.CONTINUATION)
                c.status = CommitmentStatus.KEPT if kept else CommitmentStatus.MISSED
                c.resolved_at = nxt.day
            elif c.party == Party.REP and c.due is not None and c.due < today:
                c.status, c.resolved_at = CommitmentStatus.KEPT, c.due
            elif c.party == Party.REP and nxt is not None:
                c.status, c.resolved_at = CommitmentStatus.KEPT, nxt.day
            elif plan.status == OpportunityStatus.WON:
                c.status, c.resolved_at = CommitmentStatus.KEPT, plan.closed
            elif plan.status == OpportunityStatus.LOST:
                c.status, c.resolved_at = CommitmentStatus.CANCELLED, plan.closed
        if i + 1 < len(plan.calls) and call.day >= plan.calls[i + 1].day:
            raise AssertionError(f"calls out of order in a {plan.archetype} plan")  # a bug here
    return plan
