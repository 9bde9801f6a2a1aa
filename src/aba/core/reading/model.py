"""What a reading of one call note says: plain, frozen data that every layer can pass around."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from aba.core.vocabulary import Outcome, Party, Stall, ValueKind


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the original note: the evidence to highlight."""

    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Commitment:
    """An action someone agreed to in the call."""

    party: Party
    who: str | None
    action: str
    due: dt.date | None
    due_text: str | None
    vague: bool
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "party": str(self.party),
            "who": self.who,
            "action": self.action,
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "vague": self.vague,
            "span": self.span.as_list(),
        }


@dataclass(frozen=True, slots=True)
class Value:
    """What the call gave the customer, and what the rep learned from it."""

    given: bool
    kinds: tuple[ValueKind, ...]
    learned: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """The verdict on one call: its outcome, why it stalls, who promised what."""

    outcome: Outcome
    stall: Stall | None
    commitments: tuple[Commitment, ...]
    asked: bool
    value: Value
    outcome_span: Span | None

    def to_json(self, id: object = None) -> dict[str, Any]:  # noqa: A002 - the wire name
        """The reading as the JSON object the CLI and API emit."""
        return {
            "id": id,
            "outcome": str(self.outcome),
            "stall": str(self.stall) if self.stall else None,
            "commitments": [c.to_json() for c in self.commitments],
            "asked": self.asked,
            # `value` stays a plain yes/no so programs can compare it; the detail sits beside it.
            "value": self.value.given,
            "value_kinds": [str(k) for k in self.value.kinds],
            "learned": list(self.value.learned),
            "evidence": {
                "outcome": self.outcome_span.as_list() if self.outcome_span else None,
                "commitments": [c.span.as_list() for c in self.commitments],
            },
        }
