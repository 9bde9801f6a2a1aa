"""Helpers to put a sales situation in the database: contacts, stages, logged calls."""

from __future__ import annotations

import datetime as dt

import pytest

AS_OF = dt.date(2026, 3, 4)


def log(opp: object, notes: str, day: dt.date, *contacts: object, **fields: object) -> object:
    """Log a call as the pages do: aba reads the notes and keeps the commitments it finds."""
    from aba.sales.models import Call, Commitment
    from aba.sales.services.calls import apply_reading, commitments_from_reading, read_call_notes

    when = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
    call = Call(opportunity=opp, rep=opp.owner, when=when, notes=notes, **fields)  # type: ignore[attr-defined]
    reading = read_call_notes(notes, day)
    if reading is not None:
        apply_reading(call, reading)
    call.save()
    if contacts:
        call.contacts.set(contacts)
    if reading is not None:
        Commitment.objects.bulk_create(commitments_from_reading(call, reading))
    return call


def at_stage(opp: object, name: str) -> object:
    from aba.sales.models import Stage

    opp.stage = Stage.objects.get(team=opp.stage.team, name=name)  # type: ignore[attr-defined]
    opp.save()  # type: ignore[attr-defined]
    return opp


@pytest.fixture
def people(org):  # type: ignore[no-untyped-def]
    """Dana the champion and Carla the CFO at Acme."""
    from aba.sales.models import Contact

    dana = Contact.objects.create(
        account=org.account,
        name="Dana Scully",
        title="Head of Ops",
        buying_role="champion",
        email="dana@acme.example",
    )
    carla = Contact.objects.create(
        account=org.account,
        name="Carla Diaz",
        title="CFO",
        buying_role="decision_maker",
        email="carla@acme.example",
    )
    return dana, carla
