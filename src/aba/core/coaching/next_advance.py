"""The best and the minimum acceptable advance to aim for on the next call (Rackham's call plan).

The best is the next roadmap advance the buyer has not yet made or booked; the minimum is a
smaller customer action that still moves the sale, so the rep never settles for a continuation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from aba.core.coaching.kinds import AdvanceKind, primary_kind
from aba.core.coaching.situation import OpportunitySituation
from aba.core.vocabulary import BuyingRole, Reason

# A smaller customer step toward each kind of advance: what "minimum acceptable" looks like.
SMALLER_STEP: dict[AdvanceKind, str] = {
    AdvanceKind.DISCOVERY: "Customer agrees to a 30-minute call on a date to talk through their "
    "situation",
    AdvanceKind.DECISION_MAKER: "Customer names the decision maker and agrees to invite them to "
    "the next meeting",
    AdvanceKind.REQUIREMENTS: "Customer sends one requirement or data sample by a date",
    AdvanceKind.DEMO: "Customer names who should see the demo and holds a date for it",
    AdvanceKind.TRIAL: "Customer agrees the trial's success criteria on a dated call",
    AdvanceKind.SECURITY_REVIEW: "Customer sends the security questionnaire or names the reviewer "
    "by a date",
    AdvanceKind.PROPOSAL: "Customer agrees a date to walk through the proposal",
    AdvanceKind.NEGOTIATION: "Customer names the procurement contact and a date to talk terms",
    AdvanceKind.SIGNATURE: "Customer confirms the signer, the signing steps and a target date",
    AdvanceKind.ORDER: "Customer confirms the quantity and the date of the next order",
}
_SIGN = "Customer signs the contract or issues the PO"
_REORDER = "Customer places the next order (PO) by a date"


@dataclass(frozen=True, slots=True)
class NextAdvance:
    best: str
    minimum: str
    best_kind: AdvanceKind | None
    minimum_kind: AdvanceKind | None
    target: dt.date
    why: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "best": self.best,
            "minimum": self.minimum,
            "best_kind": self.best_kind.value if self.best_kind else None,
            "minimum_kind": self.minimum_kind.value if self.minimum_kind else None,
            "target": self.target.isoformat(),
            "why": list(self.why),
        }


def proposed_dates(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """Two concrete days to offer: Tuesday and Thursday of next week.

    Far enough to be easy to accept, near enough to keep momentum; two options make it a choice
    of when, not whether.
    """
    monday = as_of - dt.timedelta(days=as_of.weekday()) + dt.timedelta(days=7)
    return monday + dt.timedelta(days=1), monday + dt.timedelta(days=3)


def day(d: dt.date) -> str:
    """'Tuesday 10 March': how people say a date on a call."""
    return f"{d:%A} {d.day} {d:%B}"


def _candidates(sit: OpportunitySituation) -> list[tuple[str, str, AdvanceKind | None]]:
    """(stage, advance, kind) from the current stage to the end of the roadmap."""
    out = [
        (stage.name, adv, primary_kind(adv))
        for stage in sit.roadmap[sit.stage_index :]
        for adv in stage.typical_advances
    ]
    if not any(k in (AdvanceKind.SIGNATURE, AdvanceKind.ORDER) for _, _, k in out):
        out.append(("Signature", _SIGN, AdvanceKind.SIGNATURE))
    return out


def _with_names(text: str, sit: OpportunitySituation, target: dt.date) -> str:
    """Put the specifics in: 'the decision maker' becomes 'Carla Diaz (CFO)', 'the stakeholders'
    becomes 'Dana and Carla', 'on a date' becomes 'on Tuesday 10 March'."""
    dm = sit.contact(BuyingRole.DECISION_MAKER)
    if dm is not None:
        for phrase in ("the decision maker or budget holder", "the decision maker"):
            if phrase in text:
                text = text.replace(phrase, dm.label, 1)
                break
    people = sit.stakeholders()
    if people and "the stakeholders" in text:
        text = text.replace("the stakeholders", people, 1)
    for vague, word in (("on a date", "on"), ("by a date", "by")):
        text = text.replace(vague, f"{word} {day(target)}")
    return text


def next_advance(sit: OpportunitySituation) -> NextAdvance:
    """What to aim for on the next call, given the stage, the history and the stall reasons."""
    done = sit.achieved_kinds()
    why: list[str] = []
    target, _ = proposed_dates(sit.as_of)
    if sit.reorders:
        why.append(f"{sit.account} re-orders: ask for the next order on every call.")
        return NextAdvance(
            best=_with_names(_REORDER, sit, target),
            minimum=SMALLER_STEP[AdvanceKind.ORDER],
            best_kind=AdvanceKind.ORDER,
            minimum_kind=AdvanceKind.ORDER,
            target=target,
            why=tuple(why),
        )
    cands = _candidates(sit)
    first_open = next((i for i, c in enumerate(cands) if c[2] is None or c[2] not in done), None)
    stage_name, best, best_kind = cands[-1] if first_open is None else cands[first_open]
    for _, _, kind in cands[: first_open if first_open is not None else len(cands)]:
        if kind is not None:
            why.append(f"Already held or booked: {kind.value.replace('_', ' ')}; aim past it.")
    known = any(s.name.lower() == sit.stage.lower() for s in sit.roadmap)
    if known and stage_name.lower() != sit.stage.lower():
        why.append(
            f"The {sit.stage} stage's advances are done: consider moving it to {stage_name}."
        )
    minimum = SMALLER_STEP.get(best_kind, "") if best_kind else ""
    minimum_kind = best_kind
    threaded_early = sit.stage_index > 0 or len(sit.roadmap) == 1
    if (
        threaded_early
        and sit.single_threaded()
        and AdvanceKind.DECISION_MAKER not in done
        and best_kind is not AdvanceKind.DECISION_MAKER
    ):
        dm = sit.contact(BuyingRole.DECISION_MAKER)
        who = dm.label if dm else "the decision maker or budget holder"
        minimum = f"Customer introduces {who} and books a meeting with them on a date"
        minimum_kind = AdvanceKind.DECISION_MAKER
        why.append(
            "Only one person at the customer has ever committed: bring in the decision maker "
            "before the deal depends on a single contact."
        )
    if not minimum:
        minimum = f"Customer agrees a dated call to plan this step: {best[0].lower()}{best[1:]}"
    if Reason.WAITING_ON_PROSPECT in sit.reasons:
        why.append("The last call left the next move to the customer: ask for a date, not a wait.")
    if Reason.REP_FOLLOWUP_ONLY in sit.reasons:
        why.append("Only you committed last time: the next step must be the customer's.")
    return NextAdvance(
        best=_with_names(best, sit, target),
        minimum=_with_names(minimum, sit, target),
        best_kind=best_kind,
        minimum_kind=minimum_kind,
        target=target,
        why=tuple(why),
    )
