"""The mutual action plan: the steps from now to signature that both sides agree to.

Seeded from the team's roadmap (one step per remaining advance, through signature) and kept up
to date by the commitments the note reader finds: a customer commitment that matches a roadmap
step gives it a real owner and date; any other dated commitment becomes a step of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from aba.core.coaching.kinds import AdvanceKind, kinds_of, primary_kind
from aba.core.coaching.next_advance import proposed_dates
from aba.core.coaching.situation import CommitmentInfo, ContactInfo, named
from aba.core.roadmap import RoadmapStage
from aba.core.vocabulary import BuyingRole, CommitmentStatus, Party

STEP_SPACING = dt.timedelta(days=14)
_SIGN = "Customer signs the contract or issues the PO"


class StepStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class StepSource(StrEnum):
    ROADMAP = "roadmap"
    COMMITMENT = "commitment"


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One step as the roadmap and the commitments say it should be."""

    key: str  # stable: the same step gets the same key on every sync
    title: str
    owner: Party
    who: str
    due: dt.date | None
    status: StepStatus
    source: StepSource
    commitment_id: int | None = None
    passed: bool = False  # a roadmap step of a stage the deal has already left
    kind: AdvanceKind | None = None


def step_title(advance: str) -> str:
    """'Customer attends a demo on a date' -> 'Attends a demo': the roadmap line as a step."""
    t = advance.strip().rstrip(".")
    t = t.removeprefix("Customer ").removeprefix("customer ")
    for tail in (" on a date", " by a date"):
        t = t.removesuffix(tail)
    return t[:1].upper() + t[1:]


def _who_for(kind: AdvanceKind | None, contacts: tuple[ContactInfo, ...]) -> str:
    by_role = {c.buying_role: c.name for c in reversed(contacts)}
    if kind in (AdvanceKind.PROPOSAL, AdvanceKind.SIGNATURE, AdvanceKind.NEGOTIATION):
        return by_role.get(BuyingRole.DECISION_MAKER) or by_role.get(BuyingRole.CHAMPION) or ""
    return by_role.get(BuyingRole.CHAMPION) or (contacts[0].name if contacts else "")


def seed_steps(
    roadmap: tuple[RoadmapStage, ...],
    stage: str,
    as_of: dt.date,
    contacts: tuple[ContactInfo, ...] = (),
) -> list[StepSpec]:
    """Every roadmap advance as a step, through signature; steps of earlier stages are `passed`."""
    names = [s.name.lower() for s in roadmap]
    current = names.index(stage.lower()) if stage.lower() in names else 0
    due, _ = proposed_dates(as_of)
    steps: list[StepSpec] = []
    for si, s in enumerate(roadmap):
        for ai, adv in enumerate(s.typical_advances):
            kind = primary_kind(adv)
            passed = si < current
            steps.append(
                StepSpec(
                    key=f"roadmap:{s.name.lower()}:{ai}",
                    title=step_title(adv),
                    owner=Party.CUSTOMER,
                    who=_who_for(kind, contacts),
                    due=None if passed else due,
                    status=StepStatus.DONE if passed else StepStatus.OPEN,
                    source=StepSource.ROADMAP,
                    passed=passed,
                    kind=kind,
                )
            )
            if not passed:
                due += STEP_SPACING
    if not any(s.kind in (AdvanceKind.SIGNATURE, AdvanceKind.ORDER) for s in steps):
        steps.append(
            StepSpec(
                "roadmap:signature:0", step_title(_SIGN), Party.CUSTOMER,
                _who_for(AdvanceKind.SIGNATURE, contacts), due, StepStatus.OPEN,
                StepSource.ROADMAP, kind=AdvanceKind.SIGNATURE,
            )
        )  # fmt: skip
    return steps


def _status(c: CommitmentInfo) -> StepStatus:
    if c.status is CommitmentStatus.KEPT:
        return StepStatus.DONE
    if c.status is CommitmentStatus.CANCELLED:
        return StepStatus.DROPPED
    return StepStatus.OPEN


def merge_commitments(
    steps: list[StepSpec], commitments: tuple[CommitmentInfo, ...]
) -> list[StepSpec]:
    """Steps updated by the commitments, oldest first so the latest word on a step wins."""
    out = list(steps)
    index = {s.key: i for i, s in enumerate(out)}
    ordered = sorted(commitments, key=lambda c: (c.call_date or dt.date.min, c.id or 0))
    for c in ordered:
        kind = primary_kind(c.action) if c.party is Party.CUSTOMER else None
        match = None
        if kind is not None:
            match = next(
                (i for i, s in enumerate(out) if s.source is StepSource.ROADMAP and s.kind == kind),
                None,
            )
            if match is None and AdvanceKind.DECISION_MAKER in kinds_of(c.action):
                match = next(
                    (i for i, s in enumerate(out) if s.kind is AdvanceKind.DECISION_MAKER), None
                )
        if match is not None:
            s = out[match]
            status = StepStatus.DONE if s.status is StepStatus.DONE else _status(c)
            if status is StepStatus.DROPPED:
                status = StepStatus.OPEN  # a cancelled meeting does not cancel the roadmap step
            out[match] = replace(
                s, who=c.contact or named(c.who) or s.who, due=c.due or s.due, status=status,
                commitment_id=c.id, passed=s.passed and status is StepStatus.DONE,
            )  # fmt: skip
            continue
        if c.due is None:
            continue  # a plan step needs a date; undated promises stay on the call's follow-up
        key = f"commitment:{c.id}" if c.id is not None else f"commitment:{c.action.lower()[:60]}"
        step = StepSpec(
            key=key,
            title=c.action[:1].upper() + c.action[1:],
            owner=c.party,
            who=c.contact or named(c.who),
            due=c.due,
            status=_status(c),
            source=StepSource.COMMITMENT,
            commitment_id=c.id,
            kind=kind,
        )
        if key in index:
            out[index[key]] = step
        else:
            index[key] = len(out)
            out.append(step)
    return out


def ordered(steps: list[StepSpec]) -> list[StepSpec]:
    """Plan order: dated steps by date, then the undated, the roadmap order breaking ties."""
    rank = {s.key: i for i, s in enumerate(steps)}
    return sorted(steps, key=lambda s: (s.due is None, s.due or dt.date.max, rank[s.key]))


def plan_steps(
    roadmap: tuple[RoadmapStage, ...],
    stage: str,
    as_of: dt.date,
    contacts: tuple[ContactInfo, ...],
    commitments: tuple[CommitmentInfo, ...],
) -> list[StepSpec]:
    """The whole plan as it should be now: seeded, merged, in order."""
    return ordered(merge_commitments(seed_steps(roadmap, stage, as_of, contacts), commitments))
