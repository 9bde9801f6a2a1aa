"""Pasted email threads: the latest message is read in the voice of whoever wrote it."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.core.reading import read_note
from aba.core.reading.threads import customer_spans
from aba.core.vocabulary import Outcome, Party, Stall

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
    start, end = customer_spans(CUSTOMER_REPLY)[0]
    assert CUSTOMER_REPLY[start:end].startswith("Hi Tobin")
    assert "wrote:" not in CUSTOMER_REPLY[start:end]  # the quoted history is not the letter
    r = read_note(CUSTOMER_REPLY, WED)
    assert r.outcome is Outcome.ADVANCE
    dated = {(c.party, c.due) for c in r.commitments if c.due}
    assert (Party.CUSTOMER, dt.date(2026, 3, 6)) in dated
    assert (Party.CUSTOMER, dt.date(2026, 3, 16)) in dated
    assert all(c.party is Party.CUSTOMER for c in r.commitments)


def test_the_reps_own_recap_stays_ours() -> None:
    assert customer_spans(REP_RECAP) == []
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
    assert bool(customer_spans(text)) is theirs


def test_you_in_the_customers_words() -> None:
    """In a customer's quoted words "you" is the rep, unless the rep only receives."""
    asked = read_note("On Tue, Ines wrote:\n> OK. You'll send the revised layout by Friday.", WED)
    assert [(c.party, c.due) for c in asked.commitments] == [(Party.REP, dt.date(2026, 3, 6))]
    answer = read_note("On Tue, Ines wrote:\n> Let me see. You'll have an answer by the 9th.", WED)
    assert [c.party for c in answer.commitments] == [Party.CUSTOMER]


CHAT = """Texts w/ Ahmad (owner's son)

Ahmad 4:02pm: sending you the floor plan and the compressor model numbers Thursday
Ahmad 4:03pm: come back the 14th with the quote, my dad will be in that day
Me 4:10pm: perfect. I'll bring the quote the 14th at 10
Ahmad 4:11pm: 10 is good
"""


def test_in_a_chat_me_is_the_rep_and_the_others_the_customer() -> None:
    spans = customer_spans(CHAT)
    said = [CHAT[a:b] for a, b in spans]
    assert len(said) == 3 and all("I'll bring the quote" not in s for s in said)
    r = read_note(CHAT, WED)
    assert (Party.REP, dt.date(2026, 3, 14)) in {(c.party, c.due) for c in r.commitments}


def test_in_a_chat_without_me_the_seller_is_the_rep() -> None:
    text = (
        "Dagny Holm · 1:08 PM\nHappy to do a call next Tuesday. I'll send over our org chart "
        "beforehand.\n\nCaspian Lorde · 12:40 PM\nDagny, would you be open to a 30 min call on "
        "agency nurse spend?\n"
    )
    (start, end), *rest = customer_spans(text)
    assert not rest and text[start:end].startswith("Dagny Holm · 1:08 PM\nHappy to do a call")
    r = read_note(text, WED)
    assert r.outcome is Outcome.ADVANCE
    assert {c.party for c in r.commitments} == {Party.CUSTOMER}


def test_question_and_answer_labels_are_no_speakers() -> None:
    text = "Call w/ Erasmus\nQ: budget? A: ~$15k\nQ: next step? A: he calls me Fri\n"
    assert customer_spans(text) == []


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        # what the rep received, pasted under their own line
        (
            "Decision by the 30th.\n\nFrom: Bettina Hauglid\nSent: Wednesday\nTo: Corwin\n"
            "Subject: RE: proposal\n\nCorwin,\nThanks for the revised proposal. We'll come back to "
            "you with a decision by the 30th.\n",
            True,
        ),
        # the rep's own chaser, logged from the sent folder
        (
            "From: Petra Ilombe\nSent: Friday\nTo: Kwame\nSubject: RE: Trial wrap-up\n\nHi Kwame, "
            "third nudge on this one, sorry! Any slot this week works.\nPetra\n",
            False,
        ),
    ],
)
def test_an_outlook_block_is_what_the_rep_received(text: str, theirs: bool) -> None:
    assert bool(customer_spans(text)) is theirs


def test_pleasantries_in_the_customers_goodbye_are_no_step() -> None:
    text = (
        "Lost.\n\nFrom: Gerrit Vand\nSent: Monday\nTo: Amara\nSubject: RE: decision\n\nAmara,\n"
        "We've decided to go with Tallyrun. I'm sure we'll cross paths again.\nGerrit\n"
    )
    assert read_note(text, WED).outcome is Outcome.NO_SALE


TRANSCRIPT = """Fathom summary cut off, last bit of the transcript:
Olamide (Head of Purchasing): ...so I'll take your tooling quote into our capex review on the 16th.
Rep: Brilliant. Anything you need from me before then?
Olamide (Head of Purchasing): The revised cycle times.
Rep: You'll have them by Friday.
Olamide (Head of Purchasing): And I'll ring you the day after the review to let you know.
"""


def test_a_recorders_transcript_speaks_in_turns() -> None:
    """ "Name (Role):" is a speaker, "Rep:" is us: the buyer's "I'll" is the buyer's."""
    said = [TRANSCRIPT[a:b] for a, b in customer_spans(TRANSCRIPT)]
    assert len(said) == 3 and all("You'll have them" not in s for s in said)
    r = read_note(TRANSCRIPT, WED)
    assert r.outcome is Outcome.ADVANCE
    dated = {(c.party, c.due) for c in r.commitments if c.due}
    assert (Party.CUSTOMER, dt.date(2026, 3, 16)) in dated
    assert (Party.REP, dt.date(2026, 3, 6)) in dated


SLACK = """Slack thread, #gauteng-hospitals
Lerato (Area Mgr): so what came out of Doornkuil Clinic? anything concrete?
Me: ya actually
Me: Sister Tau agreed to trial the drapes in theatre 2 from Monday
Me: I'm dropping off 3 boxes of samples Friday
Lerato (Area Mgr): that's what I like to see
"""


def test_a_thread_among_colleagues_has_no_customer_voice() -> None:
    """The manager asks, the rep answers: "Me:" says who speaks, not who owes."""
    assert customer_spans(SLACK) == []
    r = read_note(SLACK, WED)
    assert r.outcome is Outcome.ADVANCE
    dated = {(c.party, c.due) for c in r.commitments if c.due}
    assert (Party.CUSTOMER, dt.date(2026, 3, 9)) in dated  # the trial from Monday
    assert (Party.REP, dt.date(2026, 3, 6)) in dated


def test_a_text_the_customer_sent_is_theirs_to_its_closing_quote() -> None:
    text = (
        "VM left for Harriet re the desk quote.\nShe texted back at lunch:\n'Got your message. "
        "Partners haven't discussed it yet - I'll let you know once they have. Not this week "
        "though.'\nReplied thanks."
    )
    (start, end), *rest = customer_spans(text)
    assert not rest and text[start:end].endswith("Not this week though.")
    r = read_note(text, WED)
    assert r.stall is Stall.WAITING_ON_PROSPECT
    assert [c.party for c in r.commitments] == [Party.CUSTOMER]


@pytest.mark.parametrize(
    "text",
    [
        "Email from Leo Fischer (purchasing, Fischer Autoteile): \"Thanks for the call. I'll send"
        ' the drawings by Friday."',
        "WhatsApp from Kemi (Lagos Grill, 3 sites): 'we'll send the floor plan Friday, thx'",
        'Left a vm, then got this by text: "I will send the drawings Friday."',
        "PO came in from Marcus with this: 'Hi Alana, PO attached. I will send the forms Friday.'",
    ],
)
def test_the_customers_words_quoted_after_where_they_came_from_are_theirs(text: str) -> None:
    dated = [(c.party, c.due) for c in read_note(text, dt.date(2024, 3, 6)).commitments if c.due]
    assert dated == [(Party.CUSTOMER, dt.date(2024, 3, 8))]


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        (
            "Email from Marta Quintero (procurement manager, Arbolada Foods) after I asked for"
            ' their spend data:\n"Hi Jonah, I\'ll send the supplier master list by Friday."',
            True,
        ),
        (
            'Isabela Cruz, their CIO, wrote back to him:\n"Hola Mateo, I will send the'
            ' infrastructure diagram by Friday."',
            True,
        ),
        (
            "Case comment from Priscilla on the customer portal, after the QBR:\n\"I'll send"
            ' the store list by Friday."',
            True,
        ),
        ('My reply to her:\n"Thanks Ana, I\'ll send the revised quote by Friday."', False),
        ('Slack from Tariq (SE), 4:51pm: "I\'ll send the SSO checklist by Friday."', False),
    ],
)
def test_a_quote_after_a_header_naming_a_message_is_the_customers(text: str, theirs: bool) -> None:
    """However long the header before the quote ("Email from X (role, firm) after I asked for
    their spend data:"), a message quoted after it is the customer's, unless it was ours."""
    at = text.index(" send")
    assert any(a <= at < b for a, b in customer_spans(text)) is theirs


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ('Email from Dale: "Thanks. Can you do Tue 10th at 10am with our CFO?"', True),
        ('Her reply: "Tuesday 10th at 10am works for all of them. Can you send the invite?"', True),
        ("Mateo 15:11: lets say Tuesday the 10th, 14:00 UTC\nMe 15:12: perfect", True),
        ('Her reply: "Tuesday 10th doesn\'t work for us, sorry."', False),
        ("Told her Tuesday 10th works for me.", False),
    ],
)
def test_the_customer_naming_the_time_in_their_words_is_their_meeting(
    text: str, theirs: bool
) -> None:
    """ "Can you do Tue 10th at 10am with our CFO?" in the customer's own words is an advance:
    they name the day of a meeting with us. Our own "Tuesday 10th works for me" is no such
    thing."""
    r = read_note(text, dt.date(2026, 3, 4))
    meeting = {c.party for c in r.commitments if c.due == dt.date(2026, 3, 10)}
    assert (Party.CUSTOMER in meeting) is theirs
    assert (r.outcome is Outcome.ADVANCE) is theirs


def test_our_question_proposing_a_meeting_is_no_meeting() -> None:
    """ "Me: Would a 20-min call next week help?" asks; only the customer's yes would agree."""
    text = (
        "LinkedIn DMs with Tomasz\nTomasz: Saw your post. Do you have the case study?\n"
        "Me: Yes, sending it now. Would a 20-min call next week help to map your flow?\n"
        "Tomasz: Case study first please, I'll read it over the weekend."
    )
    r = read_note(text, dt.date(2025, 8, 7))
    assert r.outcome is Outcome.CONTINUATION
    assert all(c.party is not Party.CUSTOMER or c.due is None for c in r.commitments)


def test_a_channel_shared_with_the_customer_is_no_team_chat() -> None:
    """A Slack Connect channel holds the customer's own words: "I'll send the test plan
    tmrw" there is theirs."""
    text = (
        "#ext-tidal-pay (Slack Connect)\n[15:02] Mateo (Tidal Pay eng): sandbox looks good\n"
        "[15:06] me: can we lock a date?\n"
        "[15:11] Mateo: lets say Tuesday the 10th. I'll send the test plan tmrw"
    )
    dated = {(c.party, c.due) for c in read_note(text, WED).commitments if c.due}
    assert dated == {(Party.CUSTOMER, dt.date(2026, 3, 10)), (Party.CUSTOMER, dt.date(2026, 3, 5))}


def test_the_customer_who_can_meet_on_a_day_agrees_to_it() -> None:
    """ "Mr. Tanaka can meet on Thursday 5th" names the day in their words: no hedged "can"."""
    text = "Reply from Yuki Sato (EA): 'Dear Ms. Lindgren, Mr. Tanaka can meet on Thursday 5th.'"
    r = read_note(text, WED)
    assert r.outcome is Outcome.ADVANCE
    assert [(c.party, c.due) for c in r.commitments] == [(Party.CUSTOMER, dt.date(2026, 3, 5))]


def test_a_subjectless_will_in_the_customers_text_is_theirs() -> None:
    """ "Will let you know start of May." in a message the customer sent is their promise; the
    rep's own "Will send pricing" stays ours."""
    text = (
        "Asked Lucía about the demo machine. WhatsApp back from her (Café Ferreyra):"
        ' "The team LOVED it but I need the April numbers first. Will let you know start of May."'
    )
    r = read_note(text, WED)
    assert [c.party for c in r.commitments] == [Party.CUSTOMER]
    assert r.stall is Stall.WAITING_ON_PROSPECT
    assert [c.party for c in read_note("Will send pricing Friday.", WED).commitments] == [Party.REP]


def test_the_customers_words_reported_as_such_are_theirs() -> None:
    """ "His words: "..."" quotes the customer; their "send me the contract today" is our step
    and their "I'll have it back by Thursday" theirs. "I said: "..."" quotes us."""
    from aba.core.reading.rules import read_rules

    text = (
        'Note for Josh: Mr Akintola rang. His words: "send me the contract today and I will have'
        ' it back to you signed by Thursday." I emailed the contract at 2pm.'
    )
    ruled = [(c.party, c.due.due) for c in read_rules(text, WED).kept if c.due]
    assert ruled == [(Party.REP, WED), (Party.CUSTOMER, dt.date(2026, 3, 5))]
    assert customer_spans('I said: "I will send the quote Friday."') == []


@pytest.mark.parametrize(
    "line",
    [
        "Me: Hi Owen, would Tuesday or Wednesday suit for a walkthrough of the fleet numbers?",
        "[14:02] Me: Kemal Bey, is Tuesday 10:00 still ok for the factory visit?",
    ],
)
def test_our_chat_question_past_a_greeting_is_no_meeting(line: str) -> None:
    from aba.core.reading.rules import read_rules

    text = f"{line}\nOwen: Neither works, quarter-end. Sorry."
    assert read_rules(text, WED).verdict.outcome is not Outcome.ADVANCE


def test_being_notified_of_the_result_is_waiting_on_them() -> None:
    text = (
        'Portal message from the council: "Evaluation will take place over the following weeks'
        " and all bidders will be notified of the outcome.\" They'll notify us by 28 March."
    )
    r = read_note(text, WED)
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)


def test_a_price_from_monday_is_no_day_they_name() -> None:
    """ "Your price from Monday is fine" is no meeting on Monday."""
    text = "Nikhil: Yeah, 220 of the high-bays. Your price from Monday is fine.\nMe: Great."
    r = read_note(text, WED)
    assert all(c.due != dt.date(2026, 3, 9) or c.party is not Party.CUSTOMER for c in r.commitments)


def test_the_customer_asking_us_to_send_by_a_day_is_our_step() -> None:
    """ "Can you send me your slides by Monday 9th?" in their email is ours to do by then."""
    text = 'Email from Ruth: "Can you send me your slides by Monday 9th? Thanks"'
    r = read_note(text, WED)
    assert [(c.party, c.due) for c in r.commitments] == [(Party.REP, dt.date(2026, 3, 9))]
    assert r.stall is Stall.REP_FOLLOWUP_ONLY
