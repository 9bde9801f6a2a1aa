"""Coaching fits the opportunity: its stage, its history and why it stalls (no database)."""

from __future__ import annotations

import datetime as dt
import re

from aba.core.coaching import (
    AdvanceKind,
    CallInfo,
    CommitmentInfo,
    ContactInfo,
    OpportunitySituation,
    PlanResult,
    check_plan,
    coach,
    fallback_reasons,
)
from aba.core.coaching.mutual_plan import StepSource, StepStatus, plan_steps
from aba.core.roadmap import DEFAULT_ROADMAP
from aba.core.vocabulary import (
    BuyingRole,
    CommitmentStatus,
    Outcome,
    Party,
    Reason,
    Stall,
    ValueKind,
)

AS_OF = dt.date(2026, 3, 4)  # a Wednesday: the proposed days are Tue 10 and Thu 12 March
DATE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+\b")
DANA = ContactInfo("Dana Scully", BuyingRole.CHAMPION, "Head of Ops", "dana@globex.example")
CARLA = ContactInfo("Carla Diaz", BuyingRole.DECISION_MAKER, "CFO", "carla@globex.example")


def situation(**kw: object) -> OpportunitySituation:
    base: dict[str, object] = {
        "name": "Globex rollout", "account": "Globex", "stage": "Demo",
        "roadmap": DEFAULT_ROADMAP, "as_of": AS_OF, "contacts": (DANA, CARLA),
    }  # fmt: skip
    base.update(kw)
    return OpportunitySituation(**base)  # type: ignore[arg-type]


def call(notes: str, outcome: Outcome, *commitments: CommitmentInfo, **kw: object) -> CallInfo:
    return CallInfo(
        date=kw.pop("date", dt.date(2026, 3, 2)),  # type: ignore[arg-type]
        outcome=outcome, notes=notes, commitments=commitments,
        contacts=kw.pop("contacts", ("Dana Scully",)), **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def customer(who: str, action: str, due: dt.date | None = None, **kw: object) -> CommitmentInfo:
    return CommitmentInfo(Party.CUSTOMER, who, action, due, **kw)  # type: ignore[arg-type]


DEMO_HELD = situation(
    calls=(
        call(
            "Had the demo with Dana and Carla; Carla will share the success criteria by Friday.",
            Outcome.ADVANCE,
            customer("Carla", "share the success criteria", dt.date(2026, 3, 6)),
            customer("Dana", "send sample data", dt.date(2026, 3, 5)),
            contacts=("Dana Scully", "Carla Diaz"),
            value_given=True,
        ),
    ),
    reasons=(),
)
SINGLE_THREADED = situation(
    calls=(
        call(
            "Dana said she'll get back to us in a few weeks.",
            Outcome.CONTINUATION,
            customer("Dana", "get back to us in a few weeks"),
            stall=Stall.WAITING_ON_PROSPECT,
        ),
    ),
    reasons=(Reason.WAITING_ON_PROSPECT, Reason.NO_VALUE),
)


def test_demo_already_held_is_not_asked_for_again():
    c = coach(DEMO_HELD)
    assert "demo" in c.achieved
    assert c.next_advance.best_kind is not AdvanceKind.DEMO
    assert "demo" not in c.next_advance.best.lower()
    assert c.next_advance.best_kind is AdvanceKind.TRIAL  # the next roadmap step: Evaluation
    assert not c.single_threaded  # Dana and Carla both committed


def test_single_threaded_deal_is_told_to_bring_in_the_decision_maker():
    c = coach(SINGLE_THREADED)
    assert c.single_threaded
    assert c.next_advance.best_kind is AdvanceKind.DEMO  # no demo yet in the Demo stage
    assert c.next_advance.minimum_kind is AdvanceKind.DECISION_MAKER
    assert "Carla Diaz (CFO)" in c.next_advance.minimum
    assert any("decision maker" in w for w in c.next_advance.why)


def test_two_situations_get_different_fitting_advice():
    a, b = coach(DEMO_HELD), coach(SINGLE_THREADED)
    assert a.next_advance.best != b.next_advance.best
    assert a.top_ask != b.top_ask
    assert a.value_ideas == () and b.value_ideas != ()
    assert b.asks[0].key == "waiting_on_prospect"


def test_stage_decides_the_advance():
    found = {
        stage.name: coach(situation(stage=stage.name, reasons=(Reason.NO_CALLS,))).next_advance
        for stage in DEFAULT_ROADMAP
    }
    assert found["Prospecting"].best_kind is AdvanceKind.DISCOVERY
    assert found["Evaluation"].best_kind is AdvanceKind.TRIAL
    assert found["Proposal"].best_kind is AdvanceKind.PROPOSAL
    assert found["Proposal"].best.endswith("with Carla Diaz (CFO)")
    assert found["Negotiation"].best_kind is AdvanceKind.NEGOTIATION
    assert len({a.best for a in found.values()}) == len(DEFAULT_ROADMAP)


def test_booked_demo_counts_as_had():
    sit = situation(
        calls=(call("Demo booked with the team.", Outcome.ADVANCE,
                    customer("Dana", "Demo booked for Friday", dt.date(2026, 3, 13))),),
    )  # fmt: skip
    assert coach(sit).next_advance.best_kind is not AdvanceKind.DEMO


def _phrasings(sit: OpportunitySituation, key: str) -> tuple[str, ...]:
    return next(a.phrasings for a in coach(sit).asks if a.key == key)


def test_stall_reasons_get_their_own_phrasing_with_a_concrete_date():
    waiting = _phrasings(
        situation(reasons=(Reason.WAITING_ON_PROSPECT,), calls=SINGLE_THREADED.calls),
        "waiting_on_prospect",
    )
    rep_only = _phrasings(situation(reasons=(Reason.REP_FOLLOWUP_ONLY,)), "rep_followup_only")
    reorder = _phrasings(
        situation(stage="Negotiation", reorders=True, reasons=(Reason.ORDER_NOT_ASKED,)),
        "order_not_asked",
    )
    assert set(waiting).isdisjoint(rep_only) and set(rep_only).isdisjoint(reorder)
    for phrasings in (waiting, rep_only, reorder):
        assert len(phrasings) >= 2
        for p in phrasings:
            assert DATE.search(p), p
            assert "{" not in p and "}" not in p
            assert p.rstrip().endswith("?") or "?" in p  # an ask, not an order
    assert any("decided" in p for p in waiting)  # an agreed decision date
    assert any("diary" in p for p in rep_only)  # a dated meeting instead of "I'll call you"
    assert any("order" in p for p in reorder)
    assert waiting[0].startswith("Dana,")  # the person on the last call, by name
    assert "Tuesday 10 March" in rep_only[0] and "Thursday 12 March" in rep_only[0]


def test_stage_ask_names_the_stage_advance():
    demo = coach(situation(reasons=(Reason.NO_COMMITMENT,))).asks
    proposal = coach(situation(stage="Proposal", reasons=(Reason.NO_COMMITMENT,))).asks
    assert "demo" in demo[0].phrasings[0] and "Dana" in demo[0].phrasings[0]
    assert "proposal" in proposal[0].phrasings[0] and "Carla" in proposal[0].phrasings[0]


def test_overdue_customer_commitment_is_named():
    sit = situation(
        calls=(call("Dana will send the data.", Outcome.ADVANCE,
                    customer("Dana", "send the usage data", dt.date(2026, 2, 20))),),
        reasons=(Reason.COMMITMENT_OVERDUE,),
    )  # fmt: skip
    p = _phrasings(sit, "commitment_overdue")
    assert "send the usage data" in p[0] and "Friday 20 February" in p[0]


def test_no_value_gives_ideas_in_the_four_kinds_for_the_stage():
    early = coach(situation(stage="Discovery", reasons=(Reason.NO_VALUE,))).value_ideas
    late = coach(situation(stage="Negotiation", reasons=(Reason.NO_VALUE,))).value_ideas
    for ideas in (early, late):
        assert {i.kind for i in ideas} == set(ValueKind)
    assert early != late
    assert any("Situation" in i.idea for i in early)
    assert coach(situation(reasons=(Reason.WAITING_ON_PROSPECT,))).value_ideas == ()


def test_reorder_account_aims_for_the_next_order():
    c = coach(situation(stage="Negotiation", reorders=True, reasons=(Reason.ORDER_NOT_ASKED,)))
    assert c.next_advance.best_kind is AdvanceKind.ORDER
    assert c.asks[0].key == "order_not_asked"


def test_fallback_reasons_follow_the_last_call():
    assert fallback_reasons(situation()) == (Reason.NO_CALLS,)
    assert fallback_reasons(SINGLE_THREADED)[:2] == (Reason.WAITING_ON_PROSPECT, Reason.NO_VALUE)
    assert fallback_reasons(DEMO_HELD) == ()


def test_plan_check():
    demo_done = ("attend a demo with the CFO on Friday",)
    assert check_plan(planned_best="Demo with Carla and the team", planned_minimum="Intro to CFO",
                      outcome=Outcome.ADVANCE, customer_actions=demo_done
                      ).result is PlanResult.ACHIEVED_BEST  # fmt: skip
    minimum = check_plan(
        planned_best="Start a pilot",
        planned_minimum="Introduce the CFO",
        outcome=Outcome.ADVANCE,
        customer_actions=("introduce me to the CFO",),
    )
    assert minimum.result is PlanResult.ACHIEVED_MINIMUM
    missed = check_plan(
        planned_best="Start a pilot",
        planned_minimum="Security review",
        outcome=Outcome.CONTINUATION,
        customer_actions=("get back to us",),
    )
    assert missed.result is PlanResult.MISSED
    assert check_plan(planned_best="PO", planned_minimum="", outcome=Outcome.ORDER,
                      customer_actions=()).result is PlanResult.ACHIEVED_BEST  # fmt: skip
    assert check_plan(planned_best="", planned_minimum="", outcome=Outcome.ADVANCE,
                      customer_actions=()).result is PlanResult.NO_PLAN  # fmt: skip


def test_mutual_plan_seeds_to_signature_and_merges_commitments():
    commitments = (
        customer("Dana", "attend the demo with the team", dt.date(2026, 3, 12), id=7,
                 call_date=dt.date(2026, 3, 2)),
        CommitmentInfo(Party.REP, "I", "send the agenda", dt.date(2026, 3, 9), id=8,
                       call_date=dt.date(2026, 3, 2)),
        customer("Dana", "start the pilot", dt.date(2026, 3, 30), id=9,
                 status=CommitmentStatus.KEPT, call_date=dt.date(2026, 3, 3)),
    )  # fmt: skip
    steps = plan_steps(DEFAULT_ROADMAP, "Demo", AS_OF, (DANA, CARLA), commitments)
    live = [s for s in steps if not s.passed]
    assert live[-1].title.startswith("Signs the contract")
    demo = next(s for s in steps if s.kind is AdvanceKind.DEMO)
    assert (demo.due, demo.who, demo.commitment_id) == (dt.date(2026, 3, 12), "Dana", 7)
    pilot = next(s for s in steps if s.kind is AdvanceKind.TRIAL)
    assert pilot.status is StepStatus.DONE
    agenda = next(s for s in steps if s.commitment_id == 8)
    assert agenda.source is StepSource.COMMITMENT and agenda.owner is Party.REP
    assert plan_steps(DEFAULT_ROADMAP, "Demo", AS_OF, (DANA, CARLA), commitments) == steps
    dated = [s.due for s in live if s.due]
    assert dated == sorted(dated)
