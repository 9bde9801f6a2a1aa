"""Log a call: store the notes with aba's reading, the rep's statement and the commitments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from aba.core.vocabulary import CommitmentStatus, Outcome, Stall
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


def log_call(
    *,
    opportunity: Any,
    rep: Any,
    when: dt.datetime,
    notes: str,
    outcome: str | None = None,
    stall: str | None = None,
    commitments: Sequence[Any] | None = None,
    contacts: Iterable[Any] = (),
    planned_best: str = "",
    planned_minimum: str = "",
) -> Call:
    """Log one call with aba's reading, in one transaction (pages and API share this).

    A stated `outcome` wins over the reading (outcome_source "stated") while `Call.reading`
    keeps aba's verdict, so disagreements can improve the reader. `commitments` None means the
    ones read from the notes; a list (records with party, action, who, due...) means exactly those.
    """
    if outcome is not None and outcome not in {o.value for o in Outcome}:
        raise ValueError(f"unknown outcome {outcome!r}")
    if stall is not None and (stall not in {s.value for s in Stall} or outcome != "continuation"):
        raise ValueError("a stall only goes with a stated continuation")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    reading = read_call_notes(notes, when.date())
    with transaction.atomic():
        call = Call(
            opportunity=opportunity,
            rep=rep,
            when=when,
            notes=notes,
            planned_best=planned_best[:300],
            planned_minimum=planned_minimum[:300],
        )
        if reading is not None:
            apply_reading(call, reading)
        if outcome is not None:
            call.outcome, call.outcome_source = outcome, OutcomeSource.STATED
            read_stall = reading.stall.value if reading is not None and reading.stall else None
            call.stall = (stall or read_stall) if outcome == "continuation" else None
        call.save()
        contact_list = list(contacts)
        if contact_list:
            call.contacts.set(contact_list)
        if commitments is None:
            made = commitments_from_reading(call, reading) if reading is not None else []
        else:
            made = [
                Commitment(
                    call=call,
                    party=str(c.party),
                    who=(c.who or "")[:160],
                    action=c.action[:500],
                    due=c.due,
                    due_text=(c.due_text or "")[:120],
                    vague=bool(getattr(c, "vague", False)),
                )
                for c in commitments
            ]
        Commitment.objects.bulk_create(made)
    return call


def set_commitment_status(commitment: Commitment, status: str, *, by: Any) -> Commitment:
    """Mark a commitment kept, missed, cancelled or open again; `by` must see its opportunity."""
    from aba.sales.visibility import can_see

    if status not in {s.value for s in CommitmentStatus}:
        raise ValueError(f"unknown commitment status {status!r}")
    if not can_see(by, commitment.call.opportunity):
        raise PermissionDenied("this commitment belongs to an opportunity you cannot see")
    commitment.status = status
    commitment.resolved_at = None if status == CommitmentStatus.OPEN else timezone.localdate()
    commitment.save(update_fields=["status", "resolved_at"])
    return commitment
