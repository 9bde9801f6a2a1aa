"""Earn the right to the next advance: ideas for the value the next call can give.

Rackham's buyers give commitments to sellers who are worth their time. Four ways to be worth it:
learning (questions that help both sides understand the situation and its problems), serving
(insight or help they can use now), creating (working out something new together) and extending
(a longer-term play that reaches beyond this deal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aba.core.coaching.kinds import AdvanceKind, primary_kind
from aba.core.coaching.situation import OpportunitySituation
from aba.core.vocabulary import BuyingRole, Reason, ValueKind


@dataclass(frozen=True, slots=True)
class ValueIdea:
    kind: ValueKind
    idea: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "idea": self.idea}


# SPIN questions by where the buyer is: situation and problems early, implications and payoff
# once the need is known.
_LEARNING: dict[str, tuple[str, ...]] = {
    "early": (
        "Situation: how does {account} handle this today, and who is involved?",
        "Problem: where does the current way cost you time, money or sleep?",
        "Implication: what happens to your targets this year if that problem stays?",
    ),
    "middle": (
        "Implication: who else feels the problem, and what does it cost them each month?",
        "Need-payoff: if this worked, what would it let your team do that it can't today?",
        "What must the {stage} step show for {dm} to be convinced?",
    ),
    "late": (
        "Need-payoff: which results should we measure in the first 90 days?",
        "What could still stop this, and who would raise it?",
        "How does {account} usually get a purchase like this approved, step by step?",
    ),
}
_SERVING: dict[str, str] = {
    "early": "Bring a short benchmark: how three companies like {account} solved the problem, "
    "with their numbers.",
    "middle": "Bring help they can use this week: a draft of the success criteria or the "
    "business case with their own figures.",
    "late": "Take work off their plate: pre-fill the security questionnaire, the vendor forms or "
    "the approval memo for {dm}.",
}
_CREATING: dict[str, str] = {
    "early": "Sketch together on the call: a one-page map of their current process and where it "
    "breaks.",
    "middle": "Design the pilot or demo together: let them choose the scenario and the data.",
    "late": "Co-write the rollout plan and the mutual action plan, with their dates.",
}
_EXTENDING: dict[str, str] = {
    "early": "Offer an introduction to a peer customer who faced the same problem.",
    "middle": "Invite {first} to a user-group session or a reference call with a similar customer.",
    "late": "Propose a longer-term play: a quarterly review of results and the next use case.",
}
_LATE = {
    AdvanceKind.PROPOSAL,
    AdvanceKind.NEGOTIATION,
    AdvanceKind.SIGNATURE,
    AdvanceKind.ORDER,
    AdvanceKind.SECURITY_REVIEW,
}
_EARLY = {AdvanceKind.DISCOVERY, AdvanceKind.DECISION_MAKER, AdvanceKind.REQUIREMENTS}


def _phase(sit: OpportunitySituation) -> str:
    """Early, middle or late in the sale, from the stage's own advances."""
    advances = sit.roadmap[sit.stage_index].typical_advances if sit.roadmap else ()
    kinds = {primary_kind(a) for a in advances}
    if kinds & _LATE:
        return "late"
    if not kinds or kinds <= _EARLY | {None}:
        return "early"
    return "middle"


def value_ideas(sit: OpportunitySituation, *, always: bool = False) -> tuple[ValueIdea, ...]:
    """Ideas in the four kinds when the calls gave the customer nothing (or `always`)."""
    if not always and Reason.NO_VALUE not in sit.reasons:
        return ()
    phase = _phase(sit)
    dm = sit.contact(BuyingRole.DECISION_MAKER)
    last = sit.last_call
    first = (last.contacts[0].split(" ")[0] if last and last.contacts else "") or "them"
    f = {
        "account": sit.account,
        "stage": sit.stage,
        "dm": dm.label if dm else "the decision maker",
        "first": first,
    }
    ideas = [ValueIdea(ValueKind.LEARNING, q.format(**f)) for q in _LEARNING[phase]]
    learned = [c.learned for c in sit.calls if c.learned][:1]
    if learned:
        ideas.append(
            ValueIdea(
                ValueKind.LEARNING,
                f"Build on what you learned: \u201c{learned[0]}\u201d. Ask what it means for them.",
            )
        )
    ideas.append(ValueIdea(ValueKind.SERVING, _SERVING[phase].format(**f)))
    ideas.append(ValueIdea(ValueKind.CREATING, _CREATING[phase].format(**f)))
    ideas.append(ValueIdea(ValueKind.EXTENDING, _EXTENDING[phase].format(**f)))
    return tuple(ideas)
