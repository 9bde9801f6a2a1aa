"""Compare a call's plan (best and minimum advance) with what the notes say it achieved.

Plans and notes are written in different words, so they are matched by kind of advance (demo,
pilot, decision maker, proposal, PO...) and, for steps with no known kind, by shared words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aba.core.coaching.kinds import AdvanceKind, kinds_of
from aba.core.vocabulary import Outcome

_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    [
        "customer",
        "agrees",
        "date",
        "with",
        "their",
        "them",
        "they",
        "that",
        "this",
        "from",
        "will",
        "meeting",
        "next",
        "call",
        "book",
        "books",
        "have",
        "their",
        "about",
    ]
)


class PlanResult(StrEnum):
    ACHIEVED_BEST = "achieved_best"
    ACHIEVED_MINIMUM = "achieved_minimum"
    MISSED = "missed"
    NO_PLAN = "no_plan"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class PlanCheck:
    result: PlanResult
    planned_best: str
    planned_minimum: str
    achieved: tuple[str, ...]  # the customer commitments that met the plan
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "result": self.result.value,
            "label": self.result.label,
            "planned_best": self.planned_best,
            "planned_minimum": self.planned_minimum,
            "achieved": list(self.achieved),
            "note": self.note,
        }


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _meets(plan: str, action: str) -> bool:
    want = kinds_of(plan)
    if want:
        got = kinds_of(action)
        # "Demo with the CFO" is met by a demo; the plan's main kind is what must match.
        core = want - {AdvanceKind.DECISION_MAKER} or want
        return bool(core & got)
    shared = _words(plan) & _words(action)
    return len(shared) >= 2 or (len(shared) == 1 and len(_words(plan)) <= 2)


def check_plan(
    *,
    planned_best: str,
    planned_minimum: str,
    outcome: Outcome | None,
    customer_actions: tuple[str, ...],
) -> PlanCheck:
    """Achieved best, achieved minimum, or missed: the rep's after-call review in one word."""
    best, minimum = planned_best.strip(), planned_minimum.strip()
    if not best and not minimum:
        return PlanCheck(PlanResult.NO_PLAN, best, minimum, (), "No plan was recorded.")
    if outcome is Outcome.ORDER:
        return PlanCheck(
            PlanResult.ACHIEVED_BEST, best, minimum, ("order",), "The customer ordered."
        )
    if outcome is Outcome.NO_SALE:
        return PlanCheck(PlanResult.MISSED, best, minimum, (), "The customer said no.")
    if best:
        hits = tuple(a for a in customer_actions if _meets(best, a))
        if hits:
            return PlanCheck(PlanResult.ACHIEVED_BEST, best, minimum, hits, "Best advance won.")
    if minimum:
        hits = tuple(a for a in customer_actions if _meets(minimum, a))
        if hits:
            return PlanCheck(
                PlanResult.ACHIEVED_MINIMUM, best, minimum, hits, "Minimum advance won."
            )
    if outcome is Outcome.ADVANCE:
        note = "The call advanced, but not as planned: check the plan still fits the buyer."
    elif customer_actions:
        note = "The customer agreed to something, but not the planned advance."
    else:
        note = "No customer commitment: the plan was missed."
    return PlanCheck(PlanResult.MISSED, best, minimum, (), note)
