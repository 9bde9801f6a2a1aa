"""What the reading panel of "Log a call" shows: aba's reading of the notes, in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from aba.core.reading import read_note
from aba.core.vocabulary import Outcome, Party
from aba.web.highlight import highlight, reading_spans
from aba.web.words import OUTCOME_WORDS, STALL_WORDS, ask_suggestion


@dataclass(frozen=True)
class PanelCommitment:
    party: str
    who: str
    action: str
    due: dt.date | None
    due_text: str
    vague: bool


@dataclass(frozen=True)
class Panel:
    """The reading as the page shows it."""

    outcome: str
    outcome_words: str
    stall_words: str
    commitments: list[PanelCommitment]
    note_html: SafeString
    warning: str
    ask: str
    reading: dict[str, Any]

    @property
    def customer_commitments(self) -> list[PanelCommitment]:
        return [c for c in self.commitments if c.party == Party.CUSTOMER]


def _warning(outcome: str, commitments: list[PanelCommitment]) -> str:
    customer = [c for c in commitments if c.party == Party.CUSTOMER]
    if outcome in (Outcome.ORDER, Outcome.NO_SALE):
        return ""
    if not customer:
        return (
            "No customer commitment: the customer did not agree to do anything, so the sale "
            "has not advanced."
        )
    if all(c.due is None for c in customer):
        return (
            "The customer agreed to something, but not by a date: a step without a date is "
            "easy to let slip."
        )
    return ""


def read_panel(notes: str, when: dt.date, *, stage: str | None = None) -> Panel | None:
    """Read `notes` written on `when`; None when there is nothing to read yet."""
    if not notes.strip():
        return None
    reading = read_note(notes, when)
    data = reading.to_json()
    commitments = [
        PanelCommitment(
            party=str(c.party),
            who=c.who or "",
            action=c.action,
            due=c.due,
            due_text=c.due_text or "",
            vague=c.vague,
        )
        for c in reading.commitments
    ]
    outcome = str(reading.outcome)
    warning = _warning(outcome, commitments)
    stall = str(reading.stall) if reading.stall else None
    return Panel(
        outcome=outcome,
        outcome_words=OUTCOME_WORDS.get(outcome, outcome),
        stall_words=STALL_WORDS.get(stall, "") if stall else "",
        commitments=commitments,
        note_html=highlight(notes, reading_spans(data)),
        warning=warning,
        ask=ask_suggestion(stall, stage, when) if warning else "",
        reading=data,
    )
