"""The plans the demo is written from: plain data, filled in by the story then the note writer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aba.core.vocabulary import (
    CommitmentStatus,
    OpportunityStatus,
    Outcome,
    Party,
    Stall,
    ValueKind,
)


@dataclass(slots=True)
class CommitmentPlan:
    party: Party
    kind: str  # what is promised, a key of the note writer's templates
    due: dt.date | None
    vague: bool = False
    contact: int = 0  # index of the account's contact who owes it (customer commitments)
    kept: bool = True  # the customer does it on time (decided when the deal is planned)
    status: CommitmentStatus = CommitmentStatus.OPEN
    resolved_at: dt.date | None = None
    who: str = ""  # written by the note writer, with the action and the due date's words
    action: str = ""
    due_text: str = ""


@dataclass(slots=True)
class CallPlan:
    day: dt.date
    outcome: Outcome
    stage: int
    stall: Stall | None = None
    asked: bool = True
    value_kinds: tuple[ValueKind, ...] = ()
    commitments: list[CommitmentPlan] = field(default_factory=list)
    chased: CommitmentPlan | None = None  # a customer commitment missed before this call
    contacts: tuple[int, ...] = ()  # the account's contacts the notes name (note writer)
    keen: bool = False  # enthusiastic notes (that may still agree nothing)
    reorder: bool = False
    notes: str = ""  # written by the note writer, with what was learned and the call plan
    learned: str = ""
    planned_best: str = ""
    planned_minimum: str = ""


@dataclass(slots=True)
class OppPlan:
    status: OpportunityStatus
    archetype: str  # won, lost, or the open shape: ReviewStatus.ADVANCING/SNOOZED or a Reason
    reorder: bool
    created: dt.date
    closed: dt.date | None
    stage: int
    calls: list[CallPlan]
    snooze_until: dt.date | None = None
    snooze_reason: str = ""  # written by the note writer, to agree with the last call's notes
