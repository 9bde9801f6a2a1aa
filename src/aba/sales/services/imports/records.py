"""The plain records every importer produces and the writer applies (aba's interchange format)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(slots=True)
class Where:
    """Where a record came from, so write-time problems can still name file and line."""

    file: str
    line: int


@dataclass(slots=True)
class OpportunityRecord:
    id: str
    account: str
    name: str
    owner: str
    stage: str
    amount: Decimal
    status: str
    created: dt.date
    closed: dt.date | None
    reorder: bool | None
    where: Where


@dataclass(slots=True)
class CommitmentRecord:
    party: str
    action: str
    who: str = ""
    due: dt.date | None = None
    due_text: str = ""
    vague: bool = False
    status: str = "open"
    id: str | None = None
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class CallRecord:
    id: str
    opportunity_id: str
    when: dt.datetime
    rep: str
    notes: str
    outcome: str | None
    where: Where
    outcome_source: str | None = None
    stall: str | None = None
    asked: bool | None = None
    value_given: bool | None = None
    value_kinds: list[str] | None = None
    learned: str | None = None
    planned_best: str = ""
    planned_minimum: str = ""
    # None: read commitments from the notes; a list (maybe empty): exactly these.
    commitments: list[CommitmentRecord] | None = None


@dataclass(slots=True)
class ImportBatch:
    opportunities: list[OpportunityRecord] = field(default_factory=list)
    calls: list[CallRecord] = field(default_factory=list)


@dataclass(slots=True)
class ImportSummary:
    opportunities_created: int = 0
    opportunities_updated: int = 0
    calls_created: int = 0
    calls_updated: int = 0
    commitments_written: int = 0
    users_created: list[str] = field(default_factory=list)
    accounts_created: int = 0
    dry_run: bool = False
