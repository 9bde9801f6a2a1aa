"""Reading call notes: each phenomenon the contract names, on hand-written notes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aba.core.reading import Reading, read_note
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
    assert set(j["value"]) == {"given", "kinds", "learned"}


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
    assert r.stall is Stall.WAITING_ON_PROSPECT
    assert r.commitments == ()


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
    r = read("She brought up on her own that she'd like a demo, and booked it for Tuesday.")
    assert r.outcome is Outcome.ADVANCE and not r.asked
