"""Pasted plans: rows of cells read by their owner, step and date, not as sentences."""

from __future__ import annotations

import datetime as dt

from aba.core.reading import read_note
from aba.core.reading.tables import find_rows
from aba.core.vocabulary import Outcome, Party

MON = dt.date(2026, 5, 18)


def _cells(text: str) -> list[tuple[str | None, str, str | None, bool]]:
    return [
        (r.owner, text[slice(*r.action)], r.when and text[slice(*r.when)], r.done)
        for r in find_rows(text)
    ]


def test_a_header_names_the_columns() -> None:
    text = (
        "Actions\nOwner | Action | Due\nTorquil | meter data | Friday 20 November\n"
        "Me | draft capacity plan | after the survey\n"
    )
    assert _cells(text) == [
        ("Torquil", "meter data", "Friday 20 November", False),
        ("Me", "draft capacity plan", "after the survey", False),
    ]


def test_keyed_cells_name_themselves() -> None:
    text = "Action: send matter list | Owner: Riaan | By: Fri"
    assert _cells(text) == [("Riaan", "send matter list", "Fri", False)]


def test_without_a_header_each_column_is_what_most_of_its_cells_hold() -> None:
    """A date, a status and a name in brackets tell the cells apart; "done", a tick and "from
    the 5/8 call" close a row; "no date" in the date column is still the date column."""
    text = (
        "Close plan\n5/8 | intro to IT security | Eldora (Velia) | done\n"
        "5/22 | SIG questionnaire back | Eldora IT (Bhargavi) | open, from the 5/8 call\n"
        "5/27 | revised pricing | us (me) | NEW\n"
        "no date | business case to their CFO | Eldora (Velia) | ✅\n"
    )
    assert [(owner, done) for owner, _, _, done in _cells(text)] == [
        ("Eldora (Velia)", True),
        ("Eldora IT (Bhargavi)", True),
        ("us (me)", False),
        ("Eldora (Velia)", True),
    ]


def test_a_list_with_no_owner_or_date_is_no_plan() -> None:
    text = (
        "PO | Style | Qty | Status\n4500781 | chino khaki | 12,000 | cutting\n"
        "4500782 | oxford shirt | 8,500 | new\n"
    )
    assert find_rows(text) == []


def test_a_close_plan_reads_only_this_calls_rows_by_their_owners() -> None:
    """Done and carried-over rows promise nothing; "Quaylane (me)" makes the company ours, so
    "Quaylane (Keyur, SE)" is our step; "Corvessa (Houman)" is the customer's, owed by Houman."""
    text = (
        "Mutual action plan - Corvessa / Quaylane\n"
        "1 | 5/14 | pricing v2 | Quaylane (me) | done\n"
        "2 | 5/22 | data flow diagram for vendor risk | Quaylane (Keyur, SE) | open\n"
        "3 | 5/28 | legal review of MSA starts | Corvessa legal (Kazuki) | open\n"
        "4 | 6/4 | exec sponsor mtg with their COO | Corvessa (Houman) | open\n"
    )
    r = read_note(text, MON)
    assert [(c.party, c.who, c.due) for c in r.commitments] == [
        (Party.REP, "Keyur", dt.date(2026, 5, 22)),
        (Party.CUSTOMER, "Kazuki", dt.date(2026, 5, 28)),
        (Party.CUSTOMER, "Houman", dt.date(2026, 6, 4)),
    ]
    assert r.outcome is Outcome.ADVANCE


def test_our_attendees_own_our_rows() -> None:
    text = (
        "Attendees (client): Emrys Ilsley, Ishani Vora\n"
        "Attendees (us): Rosamund Marsh (Account Manager), Simran Dhillon\n"
        "Owner | Action | Due\nIshani Vora | send LEV test report | Friday\n"
        "Simran Dhillon | trial run and video of cycle | Thursday\n"
    )
    r = read_note(text, MON)
    assert [(c.party, c.due) for c in r.commitments] == [
        (Party.CUSTOMER, dt.date(2026, 5, 22)),
        (Party.REP, dt.date(2026, 5, 21)),
    ]
