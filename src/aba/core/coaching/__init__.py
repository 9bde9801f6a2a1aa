"""Coaching: what to aim for on the next call, the words to ask for it, the value to bring.

Pure Python over an `OpportunitySituation`; the services build the situation from the database,
and pages, API and CLI show the same `Coaching`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from aba.core.coaching.asks import Ask, asks
from aba.core.coaching.kinds import AdvanceKind
from aba.core.coaching.next_advance import NextAdvance, next_advance
from aba.core.coaching.plan_check import PlanCheck, PlanResult, check_plan
from aba.core.coaching.situation import (
    CallInfo,
    CommitmentInfo,
    ContactInfo,
    OpportunitySituation,
    fallback_reasons,
)
from aba.core.coaching.value_ideas import ValueIdea, value_ideas
from aba.core.roadmap import DEFAULT_ROADMAP
from aba.core.vocabulary import Reason, Stall

__all__ = [
    "AdvanceKind",
    "Ask",
    "ask_suggestion",
    "CallInfo",
    "Coaching",
    "CommitmentInfo",
    "ContactInfo",
    "NextAdvance",
    "OpportunitySituation",
    "PlanCheck",
    "PlanResult",
    "ValueIdea",
    "check_plan",
    "coach",
    "fallback_reasons",
]


@dataclass(frozen=True, slots=True)
class Coaching:
    """Everything coaching says about one opportunity."""

    opportunity: str
    account: str
    stage: str
    as_of: str
    reasons: tuple[str, ...]
    next_advance: NextAdvance
    asks: tuple[Ask, ...]
    value_ideas: tuple[ValueIdea, ...]
    achieved: tuple[str, ...]
    single_threaded: bool

    @property
    def top_ask(self) -> str:
        return self.asks[0].phrasings[0] if self.asks else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "opportunity": self.opportunity,
            "account": self.account,
            "stage": self.stage,
            "as_of": self.as_of,
            "reasons": list(self.reasons),
            "next_advance": self.next_advance.to_json(),
            "asks": [a.to_json() for a in self.asks],
            "value_ideas": [v.to_json() for v in self.value_ideas],
            "achieved": list(self.achieved),
            "single_threaded": self.single_threaded,
        }


def coach(sit: OpportunitySituation) -> Coaching:
    """Coaching for one open opportunity in its situation."""
    adv = next_advance(sit)
    return Coaching(
        opportunity=sit.name,
        account=sit.account,
        stage=sit.stage,
        as_of=sit.as_of.isoformat(),
        reasons=tuple(r.value for r in sit.reasons),
        next_advance=adv,
        asks=asks(sit, adv),
        value_ideas=value_ideas(sit),
        achieved=tuple(sorted(k.value for k in sit.achieved_kinds())),
        single_threaded=bool(sit.calls) and sit.single_threaded(),
    )


_STALL_REASONS = {
    Stall.WAITING_ON_PROSPECT.value: Reason.WAITING_ON_PROSPECT,
    Stall.REP_FOLLOWUP_ONLY.value: Reason.REP_FOLLOWUP_ONLY,
    Stall.NO_NEXT_STEP.value: Reason.NO_COMMITMENT,
}


def ask_suggestion(
    stall: str | None = None, stage: str | None = None, as_of: dt.date | None = None
) -> str:
    """One way to ask, knowing only the stall and the stage (for pages without the full context)."""
    reason = _STALL_REASONS.get(stall or "", Reason.NO_COMMITMENT)
    sit = OpportunitySituation(
        name="", account="your team", stage=stage or DEFAULT_ROADMAP[0].name,
        roadmap=DEFAULT_ROADMAP, as_of=as_of or dt.date.today(), reasons=(reason,),
    )  # fmt: skip
    return coach(sit).top_ask
