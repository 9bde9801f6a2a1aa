"""Log a call: store the notes with aba's reading, the rep's statement and the commitments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aba.sales.models import Call, Commitment, OutcomeSource


def read_call_notes(notes: str, call_date: dt.date) -> Any | None:
    """aba's reading of a note (None for empty notes: there is nothing to read)."""
    if not notes.strip():
        return None
    from aba.core.reading import read_note

    return read_note(notes, call_date)


def apply_reading(call: Call, reading: Any) -> None:
    """Take the reader's verdict as the call's judgement (the rep may correct it later)."""
    call.reading = reading.to_json()
    call.outcome = reading.outcome.value
    call.outcome_source = OutcomeSource.READ
    call.stall = reading.stall.value if reading.stall else None
    call.asked = reading.asked
    call.value_given = reading.value.given
    call.value_kinds = [k.value for k in reading.value.kinds]
    call.learned = "; ".join(reading.value.learned)


def commitments_from_reading(call: Call, reading: Any) -> list[Commitment]:
    return [
        Commitment(
            call=call,
            party=c.party.value,
            who=(c.who or "")[:160],
            action=c.action[:500],
            due=c.due,
            due_text=(c.due_text or "")[:120],
            vague=c.vague,
            span_start=c.span.start,
            span_end=c.span.end,
        )
        for c in reading.commitments
    ]
