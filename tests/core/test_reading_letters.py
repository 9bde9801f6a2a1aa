"""Pasted email threads: the latest message is read in the voice of whoever wrote it."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.core.reading import read_note
from aba.core.reading.letters import customer_letters
from aba.core.vocabulary import Outcome, Party

WED = dt.date(2026, 3, 4)  # Friday is 6 March

CUSTOMER_REPLY = """Drawings coming, RFQ after.

Hi Tobin,
Thanks for the call. I'll send the drawings for the two brackets by Friday and our buyer
Marisol will issue the RFQ on the 16th.

Gwendolen Haye

On Mon, 2 Mar 2026 at 09:12, Tobin Rusk wrote:
> Hi Gwendolen, good to speak, looking forward to the drawings.
"""

REP_RECAP = """Recap sent.

Hi Gwendolen,
Thanks for your time today. I'll send our revised quote by Friday, and you'll check the
bracket volumes with your plant manager.

Tobin

On Mon, 2 Mar 2026 at 09:12, Gwendolen Haye wrote:
> Tobin, can we talk Wednesday?
"""


def test_the_customers_reply_is_theirs() -> None:
    start, end = customer_letters(CUSTOMER_REPLY)[0]
    assert CUSTOMER_REPLY[start:end].startswith("Hi Tobin")
    assert "wrote:" not in CUSTOMER_REPLY[start:end]  # the quoted history is not the letter
    r = read_note(CUSTOMER_REPLY, WED)
    assert r.outcome is Outcome.ADVANCE
    dated = {(c.party, c.due) for c in r.commitments if c.due}
    assert (Party.CUSTOMER, dt.date(2026, 3, 6)) in dated
    assert (Party.CUSTOMER, dt.date(2026, 3, 16)) in dated
    assert all(c.party is Party.CUSTOMER for c in r.commitments)


def test_the_reps_own_recap_stays_ours() -> None:
    assert customer_letters(REP_RECAP) == []
    r = read_note(REP_RECAP, WED)
    assert (Party.REP, dt.date(2026, 3, 6)) in {(c.party, c.due) for c in r.commitments}


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        # the rep's own line names the customer, who signs the letter
        ("Call w/ Ines - she's in.\n\nHi Rob,\nI'll send the floor plan Thursday.\nInes\n", True),
        # the rep's line names the one the letter greets: the rep wrote it
        ("Tried Ines again.\n\nHi Ines,\nI'll send the floor plan Thursday.\nRob\n", False),
        # an Outlook block: its body is by the sender
        (
            "See below.\n\nFrom: Ines Calder <ines@ex.com>\nSent: Tuesday\nTo: Rob Pym\n"
            "Subject: RE: plans\n\nRob - per our call, our buyer will raise the PO.\n",
            True,
        ),
        # no name settles it: "your quote" and "our procurement" are a buyer's words
        (
            "Dear Rob,\nThanks for your quote. Our procurement lead will call you on Monday.\n"
            "Kind regards,\nIrene\n",
            True,
        ),
        # "our proposal" and "your CFO" are a seller's
        (
            "Dear Irene,\nAs discussed I'll send our proposal on Monday for your CFO.\n"
            "Kind regards,\nRob\n",
            False,
        ),
        # a note that is no letter
        ("Morning call with Ines, she'll send the plans Thursday.", False),
    ],
)
def test_who_wrote_the_letter(text: str, theirs: bool) -> None:
    assert bool(customer_letters(text)) is theirs


def test_you_in_the_customers_words() -> None:
    """In a customer's quoted words "you" is the rep, unless the rep only receives."""
    asked = read_note("On Tue, Ines wrote:\n> OK. You'll send the revised layout by Friday.", WED)
    assert [(c.party, c.due) for c in asked.commitments] == [(Party.REP, dt.date(2026, 3, 6))]
    answer = read_note("On Tue, Ines wrote:\n> Let me see. You'll have an answer by the 9th.", WED)
    assert [c.party for c in answer.commitments] == [Party.CUSTOMER]
