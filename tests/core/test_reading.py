"""Reading call notes: each phenomenon the contract names, on hand-written notes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aba.core.reading import Reading, read_note
from aba.core.reading.rules import read_rules
from aba.core.vocabulary import Outcome, Party, Stall

WED = dt.date(2024, 3, 6)


def read(text: str) -> Reading:
    return read_note(text, WED)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Signed! PO received today for 50 seats.", Outcome.ORDER),
        ("Verbal award from Priya, PO to follow next week.", Outcome.ORDER),
        ("Renewal signed for another 2 years.", Outcome.ORDER),
        ("They placed the order for 3 units.", Outcome.ORDER),
        ("Demo booked for next Tuesday with their ops team.", Outcome.ADVANCE),
        ("She agreed to a 30-day trial starting Monday.", Outcome.ADVANCE),
        ("Mark will send the requirements by Friday.", Outcome.ADVANCE),
        ("IT to start the security review next week.", Outcome.ADVANCE),
        ("They loved it!! Really excited. Great energy.", Outcome.CONTINUATION),
        ("They'll get back to me.", Outcome.CONTINUATION),
        ("I'll send the brochure.", Outcome.CONTINUATION),
        ("They went with a competitor.", Outcome.NO_SALE),
        ("Project cancelled, budget pulled.", Outcome.NO_SALE),
        ("Asked us not to contact them again. Do not call.", Outcome.NO_SALE),
    ],
)
def test_outcomes(text: str, outcome: Outcome) -> None:
    assert read(text).outcome is outcome


@pytest.mark.parametrize(
    ("text", "stall"),
    [
        ("They loved the demo. Said they'll get back to me.", Stall.WAITING_ON_PROSPECT),
        ("Good chat. She wants to think about it.", Stall.WAITING_ON_PROSPECT),
        ("I'll call them in a few weeks.", Stall.REP_FOLLOWUP_ONLY),
        ("He asked me to send a brochure, will do.", Stall.REP_FOLLOWUP_ONLY),
        ("Nice call, lots of interest.", Stall.NO_NEXT_STEP),
    ],
)
def test_stalls(text: str, stall: Stall) -> None:
    r = read(text)
    assert r.outcome is Outcome.CONTINUATION
    assert r.stall is stall


def test_shorthand_and_bullets() -> None:
    r = read("Mtg w/ Dana re POC.\n- Dana: send reqs EOW\n- me: f/u w/ pricing by 3/12")
    assert r.outcome is Outcome.ADVANCE
    got = {(c.party, c.who, c.due) for c in r.commitments}
    assert (Party.CUSTOMER, "Dana", dt.date(2024, 3, 8)) in got
    assert (Party.REP, None, dt.date(2024, 3, 12)) in got


def test_several_commitments_of_both_parties() -> None:
    r = read("She'll send the data by Friday and I'll send pricing EOW. Tom will book the demo.")
    parties = [c.party for c in r.commitments]
    assert parties.count(Party.CUSTOMER) == 2
    assert parties.count(Party.REP) == 1


def test_negation_blocks_the_advance() -> None:
    r = read("She would not commit to a trial. I'll check back in two weeks.")
    assert r.outcome is Outcome.CONTINUATION
    assert r.stall is Stall.REP_FOLLOWUP_ONLY
    assert all(c.party is Party.REP for c in r.commitments)


def test_hedge_is_no_advance() -> None:
    assert read("They might do a pilot, tentatively.").outcome is Outcome.CONTINUATION


def test_conditional_is_no_order() -> None:
    r = read("If budget comes through they'll buy in Q3.")
    assert r.outcome is Outcome.CONTINUATION


def test_customer_commits_a_third_person() -> None:
    r = read("She'll bring the CFO to our meeting on Thursday.")
    assert r.outcome is Outcome.ADVANCE
    (c,) = r.commitments
    assert c.party is Party.CUSTOMER and c.due == dt.date(2024, 3, 7)


def test_earlier_commitment_mentioned_in_passing_is_not_this_calls() -> None:
    r = read("Last time she promised to send the specs by Friday. Nothing yet. I'll chase her.")
    assert r.outcome is Outcome.CONTINUATION
    assert all(c.party is Party.REP for c in r.commitments)


def test_enthusiasm_without_agreement() -> None:
    r = read("Amazing call!!! They LOVED the product and think it's a perfect fit. Super keen.")
    assert (r.outcome, r.stall, r.commitments) == (Outcome.CONTINUATION, Stall.NO_NEXT_STEP, ())


def test_british_spelling_and_typos() -> None:
    r = read("Organised a workshop w/ their finance team on the 14th. She'll recieve the quote.")
    assert r.outcome is Outcome.ADVANCE


def test_asked() -> None:
    assert read("I asked for the order but they want to think about it.").asked
    assert not read("Nice chat about the weather.").asked


def test_value() -> None:
    r = read("Shared a benchmark of peers' costs; she hadn't considered it. Learned budget is 50k.")
    assert r.value.given
    assert r.value.learned


def test_evidence_spans_point_into_the_text() -> None:
    text = "Call went well.\nShe'll send the requirements by Friday. I'll send pricing EOW."
    r = read(text)
    assert r.outcome_span is not None
    assert "requirements" in text[r.outcome_span.start : r.outcome_span.end]
    for c in r.commitments:
        assert 0 <= c.span.start < c.span.end <= len(text)
        assert c.due_text and c.due_text in text[c.span.start : c.span.end]


def test_to_json_shape() -> None:
    j = read("She'll send the requirements by Friday.").to_json("n1")
    assert j["id"] == "n1" and j["outcome"] == "advance" and j["stall"] is None
    (c,) = j["commitments"]
    assert c["due"] == "2024-03-08" and c["due_text"] == "Friday" and c["party"] == "customer"
    assert j["evidence"]["commitments"] == [c["span"]]
    assert isinstance(j["value"], bool)
    assert isinstance(j["value_kinds"], list) and isinstance(j["learned"], list)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    r = read(text)
    for c in r.commitments:
        assert 0 <= c.span.start <= c.span.end <= len(text)
    if r.outcome_span:
        assert 0 <= r.outcome_span.start <= r.outcome_span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["She'll", "I'll", "send", "trial", "Friday", "not", "if", "signed", "PO", "-", "\n", ".",
     ",", "3/12", "the 14th", "last time", "might", "Dana:", "went with", "EOW", "  ", "’ll"]
)))  # fmt: skip
def test_never_crashes_on_note_like_text(words: list[str]) -> None:
    read(" ".join(words))


def test_empty_note() -> None:
    r = read("")
    assert (r.outcome, r.stall, r.commitments, r.asked) == (
        Outcome.CONTINUATION, Stall.NO_NEXT_STEP, (), False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "unit",
    [
        "Met Dana, she'll send specs by Friday; I'll f/u w/ pricing EOW. They loved it!! ",
        "one long dictated sentence with no stops and she will send it friday and ",
        "Asked for a demo, she agreed - Tue 3/12. 'We'll be in touch' said Tom. ",
        "a,",
        # one sentence, thousands of promises and dates: each date reads only its surroundings
        "she'll send it Friday, I'll call Monday, ",
        # a pasted email thread: every line quoted, each looked up among all the quoted lines
        "> she will send the file on Friday\n",
    ],
)
def test_reading_is_linear_in_note_length(unit: str) -> None:
    """10x the text costs about 10x the time (a quadratic step would cost 100x)."""
    small = unit * (10_000 // len(unit))
    big = unit * (100_000 // len(unit))

    def timed(text: str) -> float:
        start = time.perf_counter()
        read(text)
        return time.perf_counter() - start

    t_small = min(timed(small) for _ in range(3))
    t_big = min(timed(big) for _ in range(2))
    assert t_big / max(t_small, 1e-4) < 30


def test_pathological_text_reads_fast() -> None:
    for nasty in ("(" * 20_000 + "will " * 5_000, "." * 100_000, "'" * 100_000, "a" * 100_000):
        start = time.perf_counter()
        read(nasty)
        assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # A yes to the rep's ask, with the date in the next clause.
        (
            "I proposed a 30 day trial in 2 offices, she agreed - starting the 18th.",
            Outcome.ADVANCE,
        ),
        ("Asked for a site demo, he said yes to it — Tuesday 12th March, 2pm.", Outcome.ADVANCE),
        # A decision promised by a date is still the prospect's move.
        ("He said he'll give me a decision by Friday.", Outcome.CONTINUATION),
        # A dated decision forum is an advance.
        ("Gwen agreed to take our proposal to the board meeting on the 29th.", Outcome.ADVANCE),
        # Pipes, headers, action items with an owner in brackets.
        ("Brennan | call w/ Olga | she'll get her IT lead on a call Thu", Outcome.ADVANCE),
        (
            "NS: POC kickoff 3/17 w/ their data team\nAI (us): send SOW draft by Fri",
            Outcome.ADVANCE,
        ),
        ("TL;DR they signed 🎉 PO coming Friday", Outcome.ORDER),
        ("TL;DR: lost to Oracle on price. Closing the opp.", Outcome.NO_SALE),
        ("Apex called in their usual Jan order, 5k mixed fasteners.", Outcome.ORDER),
        (
            "Kilbride: they signed with Brenntag last week, price was 8% under ours.",
            Outcome.NO_SALE,
        ),
    ],
)
def test_note_shapes(text: str, outcome: Outcome) -> None:
    assert read(text).outcome is outcome


def test_manager_summary_names_the_rep() -> None:
    r = read("AE (Priya) reports good first meeting, nothing agreed. Priya will follow up Friday.")
    assert r.outcome is Outcome.CONTINUATION and r.stall is Stall.REP_FOLLOWUP_ONLY
    (c,) = r.commitments
    assert (c.party, c.who) == (Party.REP, "Priya")


def test_pronoun_takes_the_name_last_mentioned() -> None:
    r = read("Talked to Jess (buyer at Crestview). She'll send their forecast by the 20th.")
    (c,) = r.commitments
    assert (c.who, c.due) == ("Jess", dt.date(2024, 3, 20))


def test_rep_items_for_an_event_take_its_date() -> None:
    r = read("She agreed to a site visit on the 14th. I'll bring the sample kit.")
    rep = [c for c in r.commitments if c.party is Party.REP]
    assert rep and rep[0].due == dt.date(2024, 3, 14)


def test_hedged_and_mental_promises_are_not_recorded_but_still_stall() -> None:
    r = read("She might look at a pilot in the autumn. They want to think about it.")
    assert r.outcome is Outcome.CONTINUATION
    # the labelled corpus calls this either way: nothing was promised, the move is theirs
    assert r.stall in (Stall.WAITING_ON_PROSPECT, Stall.NO_NEXT_STEP)
    assert r.commitments == ()
    r = read("She might come back to us in the autumn. They want to think about it.")
    assert (r.stall, r.commitments) == (Stall.WAITING_ON_PROSPECT, ())


def test_undated_commitment_is_vague() -> None:
    (c,) = read("Tom will send the spec.").commitments
    assert c.due is None and c.vague


def test_rep_done_right_after_the_call_is_recorded() -> None:
    r = read("Joanne asked for updated pricing. Sending it over.")
    assert r.stall is Stall.REP_FOLLOWUP_ONLY
    assert [c.party for c in r.commitments] == [Party.REP]


def test_value_and_asked() -> None:
    r = read("Left a voicemail.")
    assert not r.value.given and not r.asked
    text = "She brought up on her own that she'd like a demo, and booked it for Tuesday."
    assert read_rules(text, WED).verdict.outcome is Outcome.ADVANCE
    # (the answer model retrained with train31 reads this wording as only her answer: a known
    # miss, noted on issue 3; what this test guards is that she volunteered it)
    assert not read(text).asked


# --- general rules, each on wording of its own (not from the corpus) ---------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # A booking written in the passive, with any event noun: the rep booked it.
        ("Walkthrough confirmed for Thu with their finance lead.", Outcome.ADVANCE),
        ("Deep-dive with the architects locked for 14 March.", Outcome.ADVANCE),
        ("Review session Thu 2pm with their ops team.", Outcome.ADVANCE),
        # "X to do Y": the infinitive names who owes the action, roles included.
        ("Their IT manager to kick off the security questionnaire next Monday.", Outcome.ADVANCE),
        # Note-speak drops the auxiliary: "Rahul sending ..." with a date is a promise.
        ("Followup: Rahul sending floor plans Thu 2pm.", Outcome.ADVANCE),
        # Orders: re-orders, with a comparison to an earlier month that is no earlier promise.
        ("They reordered 12 pallets, same as last month.", Outcome.ORDER),
        ("PO #4471 came through this morning for 200 licences.", Outcome.ORDER),
        # No sale: shelving, a different direction, a budget moved elsewhere, a flat no.
        ("They've decided to shelve the rollout.", Outcome.NO_SALE),
        ("Told me they're going in a different direction.", Outcome.NO_SALE),
        ("Budget got reallocated to the new warehouse, so this is off the table.", Outcome.NO_SALE),
        ("Board said no. Dead for now.", Outcome.NO_SALE),
    ],
)
def test_general_rules(text: str, outcome: Outcome) -> None:
    assert read(text).outcome is outcome


def test_subjectless_promise_is_the_writers() -> None:
    r = read("Promised to email a revised quote tonight.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)
    (c,) = r.commitments
    assert c.party is Party.REP and c.due == WED


def test_a_date_ending_a_sentence_stays_with_its_clause() -> None:
    r = read("Kemal will send the floor plan on March 12. I will send the SOW.")
    dues = {(c.party, c.due) for c in r.commitments}
    assert (Party.CUSTOMER, dt.date(2024, 3, 12)) in dues


def test_abbreviated_month_with_a_full_stop() -> None:
    r = read("Workshop booked Mar. 21 with their leads.")
    assert r.outcome is Outcome.ADVANCE
    assert [c.due for c in r.commitments] == [dt.date(2024, 3, 21)]


@pytest.mark.parametrize(
    "text",
    [
        "Sold them 40 licences of Pro.",
        "Got the signature back this afternoon 🎉",
        "Order's in - 200 units, delivery next month.",
        "Closed 24k ARR today.",
        "Expanded to 300 users on the enterprise tier.",
        "Invoice paid in full, kicking off onboarding.",
        "Took payment over the phone for the starter kit.",
        "Awarded the contract after the panel.",
        "Order submitted through their portal.",
        "Usual monthly top-up: 30 drums of coolant.",
        "They committed to 50 seats, paperwork follows.",
        "Renewal extended for another year.",
        "Reordered, same qty as previous order.",
    ],
)
def test_orders_in_many_voices(text: str) -> None:
    assert read(text).outcome is Outcome.ORDER


@pytest.mark.parametrize(
    "text",
    [
        "Decided to build it in house.",
        "Passing for now - timing's not right and budget's gone.",
        "Contract went to their incumbent.",
        "they wont be moving forward",
        "Alicia rang: the council awarded the framework contract to Brightway on Tuesday.",
        "Group decided to standardise on Honeywell across all plants, so our pilot ends Friday.",
    ],
)
def test_no_sale_in_many_voices(text: str) -> None:
    assert read(text).outcome is Outcome.NO_SALE


@pytest.mark.parametrize(
    ("text", "stall"),
    [
        ("They're keen. Ball is in their court now.", Stall.WAITING_ON_PROSPECT),
        ("Said to follow up in Q3.", Stall.REP_FOLLOWUP_ONLY),
        ("Emailed the revised quote straight after.", Stall.REP_FOLLOWUP_ONLY),
        ("Out of office till Monday, will retry.", Stall.NO_NEXT_STEP),  # a try: a hedge
    ],
)
def test_stalls_in_other_words(text: str, stall: Stall) -> None:
    r = read(text)
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, stall)


def test_relative_clause_promise_after_a_comma() -> None:
    from aba.core.reading.rules import read_rules

    text = "She wants the spec sheet, which I'll email today, before her ops review."
    rules = read_rules(text, WED)  # the date model may still judge "today" too loose a date
    assert [(c.party, c.due.due if c.due else None) for c in rules.kept] == [(Party.REP, WED)]
    assert [c.party for c in read(text).commitments] == [Party.REP]


def test_condition_on_our_side_does_not_cancel_an_agreed_action() -> None:
    r = read("Priti agreed to send the floor data by Friday, once we've signed their NDA.")
    assert r.outcome is Outcome.ADVANCE
    assert [(c.who, c.due) for c in r.commitments] == [("Priti", dt.date(2024, 3, 8))]


def test_conditional_purchase_stays_unrecorded() -> None:
    text = "Nadia agreed to buy the full kit if the grant lands."
    assert read_rules(text, dt.date(2024, 3, 4)).verdict.outcome is Outcome.CONTINUATION
    r = read(text)  # (the outcome model, between two unlikely verdicts, may differ)
    assert r.outcome is not Outcome.ORDER and r.commitments == ()


def test_a_bare_date_fragment_dates_the_commitment_before_it() -> None:
    r = read("Ravi (COO, Marden Logistics Group plc) agreed to a costing session. Tues 3/12, 9am.")
    assert r.outcome is Outcome.ADVANCE
    assert [(c.who, c.due) for c in r.commitments] == [("Ravi", dt.date(2024, 3, 12))]


def test_that_afternoon_takes_the_date_before_it() -> None:
    text = "She'll send the jobs by Thursday and we'll set up the accounts that afternoon."
    rules = read_rules(text, WED)
    thursday = dt.date(2024, 3, 7)
    assert [(str(c.party), c.due and c.due.due) for c in rules.kept] == [
        ("customer", thursday),
        ("rep", thursday),
    ]
    # the date model may still doubt the borrowed date (trained with train14 it does): the
    # customer's own date stays
    assert (Party.CUSTOMER, thursday) in {(c.party, c.due) for c in read(text).commitments}


def test_a_bare_signed_after_a_lost_deal_is_the_rivals() -> None:
    r = read(
        "They went with Harlow Paper. I asked if we could match; she said it's decided and signed."
    )
    assert r.outcome is Outcome.NO_SALE


def test_asking_leave_to_check_back_is_our_move_not_theirs() -> None:
    r = read(
        "Board chose to stay with Veritas. I asked if I could check back next spring, she said ok."
    )
    assert r.outcome is Outcome.NO_SALE


def test_asking_leave_to_visit_once_agreed_is_their_event() -> None:
    r = read("I asked if I could come and run a line audit on the 19th; Gita agreed.")
    assert r.outcome is Outcome.ADVANCE


def test_states_are_no_commitments() -> None:
    r = read("Nice chat. She'll be away until the 20th. He offered to buy me lunch next time.")
    assert (r.outcome, r.commitments) == (Outcome.CONTINUATION, ())


@pytest.mark.parametrize(
    "text",
    [
        "She'd spoken to Malcolm. She'd had a letter from the incumbent.",  # "'d" = had
        "Lydia sent the claims history in February as she'd said she would.",
        "In June he had told he will confirm the quantity after the MD returns.",  # earlier
        "Handover to Jase - Darwin Waterfront Apartments, owners corporation.",  # no "Handover"
    ],
)
def test_what_had_happened_is_no_promise(text: str) -> None:
    assert read(text).commitments == ()


@pytest.mark.parametrize(
    "text",
    [
        "Sharing for the account review on Friday. Dana liked the demo, nothing agreed.",
        "Weekly update (Ravi sir, for Monday review). Dana liked the demo, nothing agreed.",
        "Wrote this up after the Wed call. Dana liked the demo, nothing agreed.",
    ],
)
def test_our_own_meetings_and_write_ups_are_no_customer_event(text: str) -> None:
    r = read(text)
    assert (r.outcome, r.commitments) == (Outcome.CONTINUATION, ())


def test_a_reply_timed_by_an_event_is_still_their_promise() -> None:
    """ "Once" dates the reply, it does not make it conditional."""
    r = read("Good meeting. She'll come back to us once the board has met.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)
    assert [c.party for c in r.commitments] == [Party.CUSTOMER]


def test_an_object_relative_clause_is_no_promise() -> None:
    r = read(
        "He listed the scoring rules they'll apply, 70/30 price/quality. I'll send references."
    )
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)
    assert read("After the demo they'll send the specs by Friday.").outcome is Outcome.ADVANCE


def test_finishing_their_own_review_and_coming_back_is_their_move() -> None:
    r = read("Jamal says they'll finish their internal review and come back by end of quarter.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)


def test_a_condition_binds_only_the_promise_it_follows() -> None:
    r = read(
        "Board approved! Pia's sending the signed form by EOW and AP will raise the PO once it's"
        " in."
    )
    assert r.outcome is Outcome.ORDER
    assert (Party.CUSTOMER, dt.date(2024, 3, 8)) in {(c.party, c.due) for c in r.commitments}


def test_trailing_done_answers_the_customers_request() -> None:
    r = read("viv asked for the login details again, resent")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)


def test_a_phone_going_to_voicemail_is_no_todo() -> None:
    r = read("Tried Kofi twice. Phone goes to VM.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.NO_NEXT_STEP)


def test_then_takes_the_date_of_the_meeting_before_it() -> None:
    r = read(
        "spoke w kim she said the board meets on the 19th and she will put our quote forward then"
    )
    assert r.outcome is Outcome.ADVANCE
    assert [c.due for c in r.commitments] == [dt.date(2024, 3, 19)]


def test_a_named_rep_chasing_is_our_follow_up() -> None:
    r = read("AE (Jonas) reports: champion keen, no commitment yet, Jonas chasing next week")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)


def test_bare_customer_as_subject() -> None:
    r = read("Manager summary - Lena's call w/ Orbit Foods: customer will circle back in 2 weeks")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)


def test_a_decision_pending_on_their_side_is_their_move() -> None:
    r = read("No decision. They're comparing us with two others, shortlist announced 3/29.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["signed", "sign", "po", "#12", "went", "with", "acme", "they", "'ll", "send", "the",
             "order", "placed", "not", "interested", "learned", "asked", "for", "a", "demo", ",",
             ".", "didn't", "ask", "voicemail", "shared", "benchmark", "re-ordered", "closed"]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_one_scan_finds_what_each_lexicon_finds(words: list[str]) -> None:
    from aba.core.reading.features import _SCANNER

    text = " ".join(words)
    found = _SCANNER.scan(text)
    for name, rx, _ in _SCANNER.patterns:
        assert [m.span() for m in found[name]] == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("no luck, went w/ Salesforce in the end", Outcome.NO_SALE),
        ("Asked to be taken off our mailing list. Done.", Outcome.NO_SALE),
        ("Ferris emailed: 'please remove me from your list'.", Outcome.NO_SALE),
        ("Asked about the refurb: it's been shelved, the site is being sold.", Outcome.NO_SALE),
        ("Conference cancelled for this year, so no booth.", Outcome.NO_SALE),
        ("Tried the depot twice, nobody picked up. Will try head office.", Outcome.CONTINUATION),
        ("Hoang approved the quote for 8 scanners, PO coming from finance Friday.", Outcome.ORDER),
        ("Harbour Deli rang through their weekly: 6 cases rye, 4 of sourdough.", Outcome.ORDER),
        ("Mesa Bistro's usual monthly - 30 cs fryer oil.", Outcome.ORDER),
        ("Imran emailed over a PO for 40 more seats.", Outcome.ORDER),
        ("Signed! Zofia inked the 2-year deal after I asked what held her up.", Outcome.ORDER),
        ("Done deal, PO 5521 for 60 units; the other bidder is off the table.", Outcome.ORDER),
        ("IT to provision the sandbox this week per Kasia.", Outcome.ADVANCE),
        ("Security review kicked off, answers due back by the 15th.", Outcome.ADVANCE),
        ("Hi Rosa, recap: as agreed, you'll send the SKU list by Friday.", Outcome.ADVANCE),
        ("Call type: Discovery\nAttendees: Omar (CTO)\nSummary: chatty, no next step.",
         Outcome.CONTINUATION),
    ],
)  # fmt: skip
def test_more_voices(text: str, outcome: Outcome) -> None:
    assert read(text).outcome is outcome


@pytest.mark.parametrize(
    ("text", "stall"),
    [
        ("Team - update on Tillman: nothing new. He'll let us know by end of month.",
         Stall.WAITING_ON_PROSPECT),
        ("Dee asked for the rate card, sending nxt wk", Stall.REP_FOLLOWUP_ONLY),
        ("Anouk asked for our ISO cert and DPA. I've sent both.", Stall.REP_FOLLOWUP_ONLY),
        ("touching base with Bram again in Q3", Stall.REP_FOLLOWUP_ONLY),
        ("Front desk only, Dr Ng in surgery. Will circle back.", Stall.NO_NEXT_STEP),
        ("I'll set up the demo for her once she sends over some dates.", Stall.REP_FOLLOWUP_ONLY),
        ('Suresh says decision "in the next few weeks". Nothing needed yet.',
         Stall.WAITING_ON_PROSPECT),
        ("Loved it. Going to discuss with her ops team and let me know.",
         Stall.WAITING_ON_PROSPECT),
        ("I offered to put together a rollout plan. She said fine, send it.",
         Stall.REP_FOLLOWUP_ONLY),
    ],
)  # fmt: skip
def test_more_stalls(text: str, stall: Stall) -> None:
    r = read(text)
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, stall)


def test_a_short_date_fragment_after_an_agreement() -> None:
    r = read("Noor agreed to share access to their vendor master. Access by EOD tmrw.")
    assert [c.due for c in r.commitments] == [dt.date(2024, 3, 7)]


def test_a_role_with_a_name_in_brackets_promises() -> None:
    r = read("Spoke w/ Thea. Her mgr (Conrad) will sign the eval agreement today.")
    assert [(c.party, c.due) for c in r.commitments] == [(Party.CUSTOMER, WED)]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Priya wouldn't commit to a rollout but did agree to send the usage logs by Friday.",
         Outcome.ADVANCE),
        ("Done! Hana signed the 2-year plan after I asked whether anything was in the way.",
         Outcome.ORDER),
        ("Signed, with a clause that if the permit is refused they can cancel phase 2.",
         Outcome.ORDER),
        ("asked Otto if they'd found budget for the dryer he said no it got slashed so it's dead"
         " for this year", Outcome.NO_SALE),
        ("Mr. Diallo inform us the project is cancel for this year. So we close the opportunity.",
         Outcome.NO_SALE),
        ("PO 33-0912 from Birchway arrived for 12 monitors.", Outcome.ORDER),
        ("Kamal said yes to the full order, 200 cases, he'll email the PO this afternoon.",
         Outcome.ORDER),
        ("She's put us on the CFO's agenda for next Monday, 30 mins.", Outcome.ADVANCE),
        ("Nice chat. They will need 30 scanners in 2027, nothing to decide yet.",
         Outcome.CONTINUATION),
        ("Lukas got the NDA signed last week 👍 Today: he's sending the datasets by Wed.",
         Outcome.ADVANCE),
    ],
)  # fmt: skip
def test_scope_and_cue_rules(text: str, outcome: Outcome) -> None:
    assert read(text).outcome is outcome


def test_a_call_back_with_an_answer_is_their_move() -> None:
    r = read("He's still deciding. Said he'll ring me Thursday with an answer.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT)


def test_an_indirect_question_is_no_promise() -> None:
    r = read("I asked if she'd trial it in two stores, she said not yet. I'll send the case study.")
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)


def test_a_header_date_on_the_call_day_is_no_booking() -> None:
    r = read_note("Call 06/03 with Ms. Berg. I promised a new quote by end of next week.", WED)
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)


def test_the_stall_arbiter_only_picks_a_stall_the_commitments_allow() -> None:
    from aba.core.reading import arbiter

    if not arbiter.STALL.labels:
        pytest.skip("no stall model shipped")
    dated = [("rep", True)]
    for stall in arbiter.STALL.labels:
        for parties in ([], [("rep", False)], dated):
            other = arbiter.second_opinion("no answer, left a vm", stall, parties)
            assert other in (None, *arbiter.STALL.labels) and other != stall
            assert not (other == "no_next_step" and parties == dated)
    assert "no_next_step" in arbiter.allowed_stalls([("rep", False), ("customer", False)])
    assert "no_next_step" not in arbiter.allowed_stalls([("rep", False), ("customer", True)])


def test_nothing_agreed_leaves_no_commitment() -> None:
    for text in (
        "Levente liked the app but is happy as is for now. Said we'd keep in touch.",
        "Jaggard no-showed our 11am Zoom. Emailed him after, nothing yet.",
    ):
        r = read(text)
        assert r.outcome is Outcome.CONTINUATION, (text, r)
        assert not (r.commitments and r.stall is Stall.NO_NEXT_STEP), (text, r)


def test_a_commitment_read_is_a_next_step() -> None:
    for text in ("No answer. Will circle back Thursday.", "left vm, sending the deck tmrw"):
        r = read(text)
        assert not (r.commitments and r.stall is Stall.NO_NEXT_STEP), (text, r)


def test_the_arbiter_scores_as_its_training_features_do() -> None:
    from aba.core.reading import arbiter

    if not arbiter.STALL.labels:
        pytest.skip("no stall model shipped")
    low = "she liked it a lot, will mull it over and get back to us. i'll send the deck."
    parties = [("rep", False), ("customer", True)]
    slow = arbiter.probabilities(
        arbiter.STALL.weights,
        3,
        arbiter.features(low, "continuation", "rep_followup_only", parties),
    )
    fast = arbiter.STALL.probabilities(low, "continuation", "rep_followup_only", parties)
    assert all(abs(a - b) < 1e-9 for a, b in zip(slow, fast, strict=True))


def test_what_they_asked_us_for_by_a_date_is_ours_to_send() -> None:
    r = read(
        "Good mtg. Zara is taking our quote to the board on 3/21. Asked me for a 1-pager by 3/19."
    )
    assert (Party.REP, dt.date(2024, 3, 19)) in {(c.party, c.due) for c in r.commitments}
    r = read("Pam put our quote on the agenda for 3/28. Need updated pricing to her by 3/25.")
    assert (Party.REP, dt.date(2024, 3, 25)) in {(c.party, c.due) for c in r.commitments}


def test_his_supervisor_opens_a_new_clause() -> None:
    r = read(
        "He agreed to run the pilot starting nxt Monday, his supervisor Ivo will send rosters Fri."
    )
    assert {(c.who, c.due) for c in r.commitments} == {
        (None, dt.date(2024, 3, 11)),
        ("Ivo", dt.date(2024, 3, 8)),
    }


def test_template_fields_and_a_due_line() -> None:
    r = read(
        "Purpose: site visit recap\nWho: Lars (plant mgr)\nAgreed: Lars to send the line speeds"
        "\nOwner: Lars\nDue: Fri"
    )
    assert r.outcome is Outcome.ADVANCE
    assert [(c.who, c.due) for c in r.commitments] == [("Lars", dt.date(2024, 3, 8))]


@pytest.mark.parametrize(
    ("text", "outcome", "stall"),
    [
        ("Stage: Proposal\nContact: Ines Roy\nNotes: keen, needs CFO ok\nNBA: follow up Tue",
         Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY),
        ("[call] Tomas, Keelby\n[result] agreed to pilot on 3 vans\n[next] kickoff Monday",
         Outcome.ADVANCE, None),
        ("Q: next step? A: she'll get back to us after their board on the 20th",
         Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT),
        ("Dear Ms Ruiz, further to our call, as discussed you will confirm the delivery address "
         "by Friday.", Outcome.ADVANCE, None),
        ("Outcome → lost, went with Vantage on price", Outcome.NO_SALE, None),
    ],
)  # fmt: skip
def test_crm_templates_and_emails(text: str, outcome: Outcome, stall: Stall | None) -> None:
    r = read(text)
    assert (r.outcome, r.stall) == (outcome, stall)


def test_two_actions_with_two_dates_are_two_commitments() -> None:
    r = read("I'll check with our SE today and send Ola the test plan by Monday.")
    assert [c.due for c in r.commitments] == [WED, dt.date(2024, 3, 11)]
    (c,) = read("I'll countersign same day and set up the kickoff.").commitments
    assert c.action.startswith("countersign")


@pytest.mark.parametrize(
    ("text", "outcome", "stall"),
    [
        ("Mr. Sato ask me to send the catalogue. I will send until Friday.",
         Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY),
        ("Client will revert back after internal meeting. We remain at disposal.",
         Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT),
        ("He promise to give answer next week", Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT),
        ("spoke to lena she is not interested anymore they choose other supplier",
         Outcome.NO_SALE, None),
        ("we agreed next meeting on 14 march at their office for technical presentation",
         Outcome.ADVANCE, None),
    ],
)  # fmt: skip
def test_non_native_and_dictated_voices(text: str, outcome: Outcome, stall: Stall | None) -> None:
    r = read(text)
    assert (r.outcome, r.stall) == (outcome, stall)


@pytest.mark.parametrize(
    ("text", "gave"),
    [
        ("Walked her through how two other clinics cut no-shows by a third with text reminders; "
         "she had not thought of it and wants to try it on one ward.", True),
        ("Rang twice, no pickup. Will try again next week.", False),
        ("Quick check-in, nothing new. He's still waiting on his boss.", False),
    ],
)  # fmt: skip
def test_value_given_in_other_words(text: str, gave: bool) -> None:
    assert read(text).value.given is gave


def test_a_kind_of_value_named_is_value_given() -> None:
    r = read("Shared a benchmark of peers' costs.")
    assert r.value.kinds and r.value.given


@pytest.mark.parametrize(
    ("text", "stall", "dated_rep"),
    [
        (
            "History: in May she agreed to a pilot at two branches, which ran. Today she liked"
            " the results but the owner is away. So nothing agreed, nothing booked today.",
            Stall.NO_NEXT_STEP,
            0,
        ),
        (
            "Back in March Colin said he'd set up a tasting with his head chef and it never"
            " happened. Rang him today, still keen, but no follow-up agreed and I didn't push.",
            Stall.NO_NEXT_STEP,
            0,
        ),
        (
            "She agreed to the site visit last month. Today he didn't commit to anything else;"
            " I'll send the revised quote by Friday.",
            Stall.REP_FOLLOWUP_ONLY,
            1,
        ),
    ],
)
def test_the_writers_nothing_agreed_outweighs_promises_from_history(
    text: str, stall: Stall, dated_rep: int
) -> None:
    r = read(text)
    assert (r.outcome, r.stall) == (Outcome.CONTINUATION, stall)
    assert all(c.party is Party.REP for c in r.commitments)
    assert sum(1 for c in r.commitments if c.due) == dated_rep


def test_nothing_agreed_about_a_side_topic_leaves_the_advance() -> None:
    r = read("Demo with Dana booked for Tuesday. Nothing agreed on pricing yet.")
    assert r.outcome is Outcome.ADVANCE


@pytest.mark.parametrize(
    "text",
    [
        "Sorry to hear the Leeds refit has been called off. Thanks for telling me straight away.",
        "The trust has frozen all non-urgent spend, so the camera upgrade won't go ahead.",
        "Mick says they're shutting the Tamworth site so cancel the trial order",
        "Rita: owners decided no solar this yr, rates too high",
        "practice is merging into a group that runs another system so no to us",
    ],
)
def test_a_purchase_called_off_is_no_sale(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is Outcome.NO_SALE  # the cue, not only a model
    assert read(text).outcome is Outcome.NO_SALE


def test_a_role_with_the_name_in_commas_owes_the_step() -> None:
    r = read("She said yes to the trial: her lab tech, Dariusz, will run our kit from Monday 11th.")
    (c,) = [c for c in r.commitments if c.who == "Dariusz"]
    assert (c.party, c.due) == (Party.CUSTOMER, dt.date(2024, 3, 11))


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "Her MD has the final say, so we're meeting again Wed 13th with him to go through it.",
            dt.date(2024, 3, 13),
        ),
        (
            "I suggested we walk the site together next Thursday and he's up for it.",
            dt.date(2024, 3, 14),
        ),
    ],
)
def test_what_we_do_together_is_their_event(text: str, due: dt.date) -> None:
    r = read(text)
    assert r.outcome is Outcome.ADVANCE
    assert [(c.party, c.due) for c in r.commitments] == [(Party.CUSTOMER, due)]


def test_an_action_item_label_with_its_side_in_brackets_names_the_owner() -> None:
    r = read(
        "Holloway Freight - telematics\n"
        "AI (them): Brennan sends the insurer's requirements doc, Fri\n"
        "AI (us): pilot agreement for 5 trucks, tmrw"
    )
    dated = sorted((c.due, c.party) for c in r.commitments if c.due)
    assert dated == [(dt.date(2024, 3, 7), Party.REP), (dt.date(2024, 3, 8), Party.CUSTOMER)]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Proposed a wash test on our fabric: swatches to her by Fri.", Party.REP),
        ("Plan agreed. Audit report back to Orla by Thursday.", Party.REP),
        ("Asked for their site induction pack - back to us by the 14th.", Party.CUSTOMER),
        ("Quote to Signe @ Skjaervik Marine by Tue.", Party.REP),
    ],
)
def test_a_thing_going_to_someone_by_a_date_is_the_senders(text: str, party: Party) -> None:
    assert [c.party for c in read_rules(text, WED).kept if c.due] == [party]  # not only a model
    assert [c.party for c in read(text).commitments if c.due] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Dale wants pricing for the new bay. site walk thurs 7am w/ Dale + his super, i send spec"
        " sheets tmrw",
        "asked Whitney to get her CFO in, she will. 30 min zoom fri 8th 2pm, I'll prep the ROI"
        " calc",
    ],
)
def test_their_event_beside_our_step_in_one_sentence_is_an_advance(text: str) -> None:
    r = read(text)
    assert r.outcome is Outcome.ADVANCE
    assert Party.CUSTOMER in {c.party for c in r.commitments if c.due}
    assert Party.REP in {c.party for c in r.commitments}


@pytest.mark.parametrize(
    "text",
    [
        "Ride-along with Sneha (KAM) at Hemavati Agro. Sneha will send the test report by Friday.",
        "Reseller update (Brightpath Systems, Naveen): they want a 3-year quote. Naveen sends it"
        " Friday.",
        "Hi Graham, logging this on your behalf as asked. Graham to confirm the auditor by Friday.",
        "CS -> AE handover (Ines -> Kwame). Kwame will send the renewal options Friday.",
        "Partner report from Hiroko Sato (Kanto Integration): Hiroko sends the test log Friday.",
        "Agent report (Peru) - Mateo Rios, Andina Rep. Mateo commits to send both until Friday.",
        "Report from Linh Do (our sales agent, Hanoi). Linh promise to send the video Friday.",
        "1:1 notes - Kemal, Tue. Rachel wants a revised quote. Kemal sends it on Friday.",
        "Activity: Call · Owner: Omar Haddad · Result: she asked for pricing, Omar sends it Friday",
        "Action items:\n- Arjun (deal desk): send the amended order form Friday",
    ],
)
def test_our_people_named_in_the_third_person_owe_ours(text: str) -> None:
    ruled = [(c.party, c.due.due) for c in read_rules(text, WED).kept if c.due]
    assert ruled == [(Party.REP, dt.date(2024, 3, 8))]
    # (the date model may add the customer beside it: "Lena sends the POC agreement Friday")
    assert (Party.REP, dt.date(2024, 3, 8)) in [(c.party, c.due) for c in read(text).commitments]


def test_the_calls_own_weekday_closing_the_first_line_dates_nothing() -> None:
    text = (
        "Call notes - Thabo (SE), for Lindani's opp at Drakensberg Mutual, Wednesday\n"
        "I'm sending the DR runbook tomorrow and Lindani will fill in the TCO template by Friday."
    )
    assert sorted(c.due for c in read(text).commitments if c.due) == [
        dt.date(2024, 3, 7),
        dt.date(2024, 3, 8),
    ]


@pytest.mark.parametrize("name", ["Kelly", "Holly", "Kimberly", "Billy"])
def test_a_first_name_shaped_like_an_adverb_is_a_person(name: str) -> None:
    r = read(f"{name} will take our proposal to the committee on Monday.")
    assert r.outcome is Outcome.ADVANCE
    assert [(c.party, c.who) for c in r.commitments] == [(Party.CUSTOMER, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Site survey agreed. Our installer Gavin does the site survey on Friday.",
        "Walk-through agreed. Wen (our projection tech) does the site survey Friday.",
    ],
)
def test_one_of_ours_opening_the_clause_owes_the_event_after(text: str) -> None:
    assert [(c.party, c.due) for c in read(text).commitments if c.due] == [
        (Party.REP, dt.date(2024, 3, 8))
    ]


def test_a_distributor_of_ours_in_brackets_is_the_customer() -> None:
    r = read("Auntie Akosua (our biggest distributor) agreed to a full stock take on Friday.")
    assert [c.party for c in r.commitments if c.due] == [Party.CUSTOMER]


def test_a_past_vote_at_an_event_is_no_plan() -> None:
    r = read(
        "Lwazi - pilot cancelled. Their members voted against the card payment system at the AGM"
        " on Saturday. He'll return the 10 card readers to our office by the 15th."
    )
    assert r.outcome is Outcome.NO_SALE


def test_one_of_ours_with_a_title_is_ours() -> None:
    r = read("He asked for the brochure. Our application specialist Mr. Rao will call him Friday.")
    assert [(c.party, c.due) for c in r.commitments if c.due] == [(Party.REP, dt.date(2024, 3, 8))]


@pytest.mark.parametrize(
    "text",
    [
        "No to the new shelving. She'll post back the two sample brackets by Friday.",
        "Mateo is not taking the forklift, his bank said no. He'll drop them in at our depot"
        " on Thursday, the spare keys and the manual.",
        "They signed with Brightkeel last week. Dana will pay the outstanding audit invoice by"
        " Friday and I'll send the report Monday.",
        "Project cancelled by their board. Rui will send written cancellation of the PO Monday.",
        "They're not going to buy the oven. He'll settle the delivery bill by the 12th.",
    ],
)
def test_what_is_left_to_do_after_a_lost_deal_is_no_advance(text: str) -> None:
    assert read_rules(text, dt.date(2024, 3, 5)).verdict.outcome is Outcome.NO_SALE


def test_a_lost_deal_reopened_by_a_step_toward_a_sale_is_an_advance() -> None:
    text = "No to the shelving. But she'll take our quote for the mezzanine to the board Friday."
    assert read_rules(text, dt.date(2024, 3, 5)).verdict.outcome is Outcome.ADVANCE


def test_an_email_our_rep_sent_logged_by_a_colleague_speaks_as_us() -> None:
    text = (
        "Email logged by Pia (sales admin) for Darren:\n\nFrom: Darren Cole\nTo: Prof. Ada"
        " Obi\nSubject: Service contract\n\nDear Professor Obi,\nAs promised, I will send the"
        " warranty quotation by Friday.\nKind regards,\nDarren"
    )
    assert [(c.party, c.due) for c in read(text).commitments if c.due] == [
        (Party.REP, dt.date(2024, 3, 8))
    ]


def test_an_email_to_our_rep_logged_by_a_colleague_is_the_customers() -> None:
    text = (
        "Email filed by Priya (coordinator) for Owen:\n\nFrom: Claire Mabey\nTo: Owen Prichard"
        "\nSubject: RE: app\n\nHi Owen, happy to trial it. I'll get our clerks set up by"
        " Friday.\n\nThanks, Claire"
    )
    assert [(c.party, c.due) for c in read(text).commitments if c.due] == [
        (Party.CUSTOMER, dt.date(2024, 3, 8))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "They're bringing the welding training in-house from May. No need for our courses.",
        "The tender for the depot lighting went to Lumatek, 6% under us.",
        "She will not take the scheduling module after the trial.",
        "Hung up on me, said never call again.",
        "They renewed the cleaning contract with Brightside for two more years.",
        "Asked us to take the school off all our lists.",
        "The mill is being sold, so our chiller order will not be placed.",
        "The council struck the kiosk line from next year's budget.",
        "Colm rang: the extension's been pulled, planning refused. I'll pick up the demo unit on"
        " the 14th.",
    ],
)
def test_a_lost_deal_in_words_train32_taught_is_a_no_sale(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is Outcome.NO_SALE


def test_a_lost_deal_that_may_go_in_house_is_no_lost_deal_yet() -> None:
    text = "They may bring booth design in-house next year. No asks, no next step."
    assert read_rules(text, WED).verdict.outcome is Outcome.CONTINUATION


@pytest.mark.parametrize(
    "text",
    [
        "PO in for 12 more sensors. Ola in onboarding adds them to their dashboard on Friday.",
        "Combi oven tripping again. Luca from service will check the fan motor Friday.",
        "She wants it in French. Jo in sales ops will translate the order form by Friday.",
        "Combi oven tripping again. Luca from service is booked in Friday to look at the fan.",
    ],
)
def test_a_colleague_named_by_a_sellers_department_is_ours(text: str) -> None:
    assert [c.party for c in read(text).commitments if c.due] == [Party.REP]


def test_a_buyer_named_by_a_department_both_sides_have_stays_the_customer() -> None:
    text = "Lorna in finance sends the supplier form Friday."
    assert [c.party for c in read(text).commitments if c.due] == [Party.CUSTOMER]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Logged by Wren (sales admin) for Tobias, after his call: Tobias sends the quote"
            " Friday.",
            "Tobias",
        ),
        (
            "Tech notes by Gunnar (SE), for Lena's deal with Fjordline. Lena sends the POC"
            " agreement Friday.",
            "Lena",
        ),
        (
            "Logged for Tobias (by Mia, inside sales): Carl rang back about the forklift quote."
            " Tobias sends him the revised quote Friday.",
            "Tobias",
        ),
        ("Pipeline review, Sam's deals: Acme wants the revised quote. Sam sends it Friday.", "Sam"),
        ("SDR note for Felipe: Gloria wants the ETS sheet. Felipe will send it Friday.", "Felipe"),
        ("For Ana, from Joaquín: Sra. Ruiz called back. Ana will ring her Friday.", "Ana"),
        (
            "Handover to Sophie - Ridley & Daughters. Sophie will send the proposal Friday.",
            "Sophie",
        ),
        ("Handing Greyfield Trust to Imran. Imran will ring Helen Friday.", "Imran"),
        ("Covering for Mateus. Dona Lucia rang; Mateus will call her back Friday.", "Mateus"),
    ],
)
def test_the_rep_a_colleague_names_owes_the_rules_step(text: str, who: str) -> None:
    # The date models retrained with train32 and train34 give these dates to the customer ("X
    # sends ... Friday" is mostly theirs). A feature telling the model the holder is one of ours
    # by name did not change that and cost due recall on train33 (unseen); keeping such a date
    # from the model lost 4 gold dates and added 14 extras on train. Only the rules' reading is
    # checked: this is a known miss of the shipped reading.
    ruled = [(c.party, c.who, c.due.due) for c in read_rules(text, WED).kept if c.due]
    assert ruled == [(Party.REP, who, dt.date(2024, 3, 8))]


@pytest.mark.parametrize(
    "text",
    [
        "For Brandon from Lou: Mrs Keane wants pricing. Brandon, call her Friday.",
        "Pipeline review. Fred, I put a task in for you to call him Friday.",
    ],
)
def test_a_colleague_told_by_name_what_to_do_owes_it(text: str) -> None:
    assert [(c.party, c.due is not None) for c in read_rules(text, WED).kept] == [(Party.REP, True)]


def test_the_customers_people_told_by_name_in_their_words_stay_theirs() -> None:
    text = 'Email from Yusuf: "Dario, can you find 30 mins with Megan on Friday?"'
    assert Party.REP not in [c.party for c in read_rules(text, WED).kept if c.who == "Dario"]


@pytest.mark.parametrize(
    "text",
    [
        'SMS from Lorraine: "Can you resend the financing options, I lost the email. Will look'
        ' this weekend."',
        "Voicemail from Barb: could you send a quote for the wall unit. I'll look at it when it"
        " comes in.",
    ],
)
def test_a_customer_who_only_looks_at_what_we_send_leaves_the_next_step_ours(text: str) -> None:
    verdict = read_rules(text, WED).verdict
    assert (verdict.outcome, verdict.stall) == (Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY)


@pytest.mark.parametrize(
    "text",
    [
        "For Kasia: Dr Lindholm's secretary rang to cancel Tuesday's meeting about the freezers.",
        "Svenja turned down the workshop he proposed for Thursday and offered no other date.",
    ],
)
def test_a_meeting_turned_down_is_no_event(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is not Outcome.ADVANCE


def test_a_reply_to_ours_is_no_event_it_names() -> None:
    """ "Matteo's reply to the recap I sent after Thursday's demo" heads a message: no meeting."""
    text = "Matteo's reply to the recap I sent after Thursday's demo."
    assert read_rules(text, WED).verdict.outcome is not Outcome.ADVANCE


def test_a_week_that_is_impossible_is_no_event() -> None:
    text = 'Her text: "This week is impossible, the harvest is coming in."'
    assert read_rules(text, WED).verdict.outcome is not Outcome.ADVANCE


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Alan wanted the spring price list. Sent it right after.", True),
        ("She asked for the W-9 and COI. Done, sent 3:40pm.", True),
        ("She asked for the SDS sheets. Emailed them from the car right after.", True),
        ("Needed the SDS sheets. Sent.", False),
        ("PO came in. Sent 10:15 by their buyer.", False),
    ],
)
def test_our_step_done_on_the_call_is_due_that_day(text: str, dated: bool) -> None:
    """ "Sent it right after", "done, sent 3:40pm": a step of ours done on the call's day, told
    with when; a bare "Sent." says no day."""
    ours = [
        c.due.due if c.due else None for c in read_rules(text, WED).kept if c.party is Party.REP
    ]
    assert (WED in ours) is dated


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "For Ana, from Joaquín: Sra. Ruiz wants prices first. I said you'd send them by"
            " Friday.",
            Party.REP,
        ),
        (
            "Handover to Sophie - Ridley & Daughters. Martin wants the proposal; you're sending it"
            " Friday.",
            Party.REP,
        ),
        ("Rang Martin. He said you'd send the drawings Friday.", Party.CUSTOMER),
    ],
)
def test_in_a_note_to_a_colleague_you_is_the_colleague(text: str, party: Party) -> None:
    """ "I said you'd send it by Wednesday" in a note for Ana is Ana's step; in the rep's own
    note "you" is the customer."""
    assert [c.party for c in read_rules(text, WED).kept if c.due] == [party]


def test_watching_what_we_send_is_no_advance() -> None:
    text = "Her reply: \"Can't make the 28th. Send me the webinar recording, I'll watch it.\""
    assert read_rules(text, WED).verdict.outcome is not Outcome.ADVANCE


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        (
            "Kwame asked for a revised quote on Baxter Vending. Dean said he'd look at it. Kwame"
            " sends the revised quote by Friday.",
            True,
        ),
        (
            "Pricing call. Rosalind is emailing the trade-in figures Friday; Harriet runs them past"
            " her dad.",
            True,
        ),
        ("1:1 notes. Nothing agreed on Baxter. Mehmet will chase her on Friday.", True),
        ("Forecast call. Viktor is sending the ROI sheet Friday.", True),
        ("Otis agreed to send the dealer quote by Friday so we can pre-approve.", False),
        ("Mads will send our proposal to his CFO on Friday.", False),
        ("Dolores will send the signed quote back by Friday.", False),
    ],
)
def test_a_colleague_is_known_by_sending_what_only_a_seller_sends(text: str, ours: bool) -> None:
    """A manager's note names our rep like a buyer ("Kwame sends the revised quote by Friday"):
    sending a quote, a proposal or pricing makes them ours, and all their steps with them. A
    buyer passes a quote on (to their CFO, back signed, a dealer's)."""
    dated = [c.party for c in read_rules(text, WED).kept if c.due]
    assert dated == [Party.REP if ours else Party.CUSTOMER]


@pytest.mark.parametrize(
    "text",
    [
        "Price rise call. Asked if he'd keep the standing order of 80 cases at the new price - he"
        " needs to run it past the owners.",
        "I suggested bumping their standing order to 40 lb a week. She'll see how May goes.",
    ],
)
def test_a_standing_order_only_asked_about_or_proposed_is_no_order(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is not Outcome.ORDER


@pytest.mark.parametrize(
    "text",
    [
        'Text from Mo at Kestrel Cafes: "go ahead with the 3 grinders, deposit Monday."',
        'Her email: "Quote is fine. PO KC-5521 attached for the full 40 units."',
        'Reply from Jens: "Consider this our confirmation for both depots."',
        'Abena rang: "The committee approved your bid. The LPO will be issued Monday."',
        'Rob (MD): "Approved. Raise the invoice for the 50% and we\'ll pay on receipt."',
        "sms from Gino: same as last month pls, 10 sacks semola and 4 tins",
        'Lars: "Go. We\'ll sign the three-year, send the paperwork."',
    ],
)
def test_an_order_in_the_customers_own_words(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is Outcome.ORDER


@pytest.mark.parametrize(
    "text",
    [
        'Her reply: "happy to go ahead with the sensor demo on the lower block Tuesday."',
        "Status same as last month: very positive, no movement.",
        "If the grant lands they'll go ahead with all six carts.",
    ],
)
def test_a_go_ahead_for_a_trial_or_a_status_like_last_month_is_no_order(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is not Outcome.ORDER


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Alan needed a copy of the signed POD for a dispute. Sent it while he was on.", None),
        ("She wanted a copy of the signed contract for their auditors. Emailed it.", None),
        ("Bram sent the signed delivery note back, all 40 units in.", None),
        ("She's emailing the signed supply agreement tomorrow.", Outcome.ORDER),
    ],
)
def test_a_signed_paper_asked_for_again_is_no_order(text: str, outcome: Outcome | None) -> None:
    got = read_rules(text, WED).verdict.outcome
    assert got is outcome if outcome else got is not Outcome.ORDER


@pytest.mark.parametrize(
    "text",
    [
        "Lorenzo is closing in May. Cancelling the linen standing order after the last run.",
        "Asked Renata for her Christmas order. She's gone with a cheaper supplier this year. She's"
        " ordered from us every Christmas since 2021.",
    ],
)
def test_a_standing_order_cancelled_or_a_habit_of_ordering_is_no_order(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is Outcome.NO_SALE


def test_a_promise_to_sign_reported_is_still_an_order() -> None:
    text = "Verbal yes from their CFO. Radomir said he'd have it signed by Friday."
    assert read_rules(text, WED).verdict.outcome is Outcome.ORDER


def test_our_first_person_promise_is_ours_alone() -> None:
    text = (
        "Showed them the benchmark. Dana agreed to start a pilot on March 10; I'll send the"
        " security questionnaire by Friday."
    )
    dated = sorted((c.party, c.due) for c in read_note(text, dt.date(2026, 3, 3)).commitments)
    assert dated == [(Party.CUSTOMER, dt.date(2026, 3, 10)), (Party.REP, dt.date(2026, 3, 6))]


def test_the_customers_first_person_promise_quoted_stays_theirs() -> None:
    text = (
        "PO came in from Marcus with this:\n'Hi Alana, attached is the PO for the 14 stations."
        " I will send the site access forms Friday. Thanks, Marcus'\nBooked the install crew."
    )
    dated = [(c.party, c.due) for c in read_note(text, WED).commitments if c.due]
    assert (Party.CUSTOMER, dt.date(2024, 3, 8)) in dated


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Spoke to Joost. On Monday I send him the revised quote.", Party.REP),
        ("Spoke to Joost. Tomorrow I send him the references.", Party.REP),
        ("Spoke to Joost. Friday he sends me the drawings.", Party.CUSTOMER),
    ],
)
def test_a_clause_led_by_its_date_keeps_its_subject(text: str, party: Party) -> None:
    rules = read_rules(text, WED)
    assert [(c.party, c.due is not None) for c in rules.kept] == [(party, True)]


@pytest.mark.parametrize(
    "text",
    [
        "They awarded the contract to us this morning, PO to follow.",
        "She wants to standardise on one platform across the three sites, demo Tuesday.",
    ],
)
def test_an_award_or_standard_of_our_own_is_no_lost_deal(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is not Outcome.NO_SALE


@pytest.mark.parametrize(
    "text",
    [
        "Kendra needs our W-9 first. Could I get it to her by Friday? Sending it tomorrow am.",
        "Hemi wants a price on 6 trailers. Can I get it to him by Friday? Yes - I'll email it Thu.",
        "Des asked if we could get the fee to him for Monday. I'll email it Tuesday first thing.",
        "Rang Siobhan. She asked if I could get her a comparison by Friday - told her she'd have it"
        " tomorrow.",
        "Darnell asked if we could get the proposal to him by Friday. It'll be in his inbox"
        " tomorrow.",
    ],
)
def test_a_request_of_us_answered_with_our_own_date_keeps_only_ours(text: str) -> None:
    r = read(text)
    assert [c.party for c in r.commitments] == [Party.REP]
    assert r.commitments[0].due in (dt.date(2024, 3, 7), dt.date(2024, 3, 12))


def test_our_own_ask_is_no_request_of_us() -> None:
    text = "Asked if we could get the kit over: he's good for tomorrow 2pm. I'll quote Monday."
    assert [(c.party, c.due) for c in read(text).commitments] == [
        (Party.CUSTOMER, dt.date(2024, 3, 7)),
        (Party.REP, dt.date(2024, 3, 11)),
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Got Jen Solberg to come out to our yard Thursday and run the loader.", "Jen Solberg"),
        ("Carmel. getting her 2 senior GPs to sit in on the demo thurs, she said yes.", None),
    ],
)
def test_getting_their_people_to_act_is_their_step(text: str, who: str | None) -> None:
    r = read_rules(text, WED)
    assert r.verdict.outcome is Outcome.ADVANCE
    assert [(c.party, c.who, c.due.due if c.due else None) for c in r.kept] == [
        (Party.CUSTOMER, who, dt.date(2024, 3, 7))
    ]


def test_a_phone_notes_steps_split_at_slashes_and_arrows() -> None:
    text = "ops mgr, 3 trucks off charge. -> she sends fleet list thurs / me: costed swap by tues"
    r = read_rules(text, WED)
    assert [(c.party, c.due.due if c.due else None) for c in r.kept] == [
        (Party.CUSTOMER, dt.date(2024, 3, 7)),
        (Party.REP, dt.date(2024, 3, 12)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I send the quote with 2 options (single station / two-station) by Friday.",
        "Next steps / owner / deadline\nElectrical drawings / J. Pfannstiel / 28 March",
    ],
)
def test_a_slash_between_alternatives_or_cells_splits_nothing(text: str) -> None:
    from aba.core.reading.sentences import split_clauses

    assert not any(c.text.startswith(("two-station", "owner", "J. P")) for c in split_clauses(text))


def test_an_answer_after_an_arrow_stays_with_the_ask() -> None:
    text = "asked for the 3-yr PMA signed before FY end 6/30 -> not yet, procurement posts an RFQ"
    assert read_rules(text, WED).verdict.outcome is not Outcome.ORDER


def test_where_pasted_words_came_from_is_no_to_do() -> None:
    text = 'Email from Frank Yates: "please take me off your list, we are not interested"'
    assert read_rules(text, WED).kept == []


@pytest.mark.parametrize(
    "text",
    [
        "AV upgrade is a go: I asked him to sign and he did, $64,200 for the new PA.",
        "Pushed her to sign b4 month end and she did.",
    ],
)
def test_a_signature_told_in_passing_is_an_order_by_the_rules(text: str) -> None:
    assert read_rules(text, WED).verdict.outcome is Outcome.ORDER


def test_asking_for_a_signature_that_did_not_come_is_no_order() -> None:
    text = "Asked her to sign this week and she said not before the board meets."
    assert read_rules(text, WED).verdict.outcome is not Outcome.ORDER
