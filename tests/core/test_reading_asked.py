"""The asked model: an ask is read where the note shows one, not inferred from any advance."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.core.reading import arbiter, read_note
from aba.core.reading.outcome import ask_signals, asked
from aba.core.reading.rules import read_rules
from aba.core.vocabulary import Outcome

WED = dt.date(2026, 3, 4)


def read(text: str):  # noqa: ANN201 (the Reading)
    return read_note(text, WED)


@pytest.mark.parametrize(
    ("text", "was_asked"),
    [
        # advances that show no ask: the customer's own plan, told to the rep
        ("Priya is bringing her CFO to the pricing review on Thursday.", False),
        (
            "Marek is running the sample through their line on Monday and sending me the scrap"
            " figures by Friday.",
            False,
        ),
        # asks shown: pushed for, asked for, booked in the passive, refused
        ("Pushed for a trial date; she agreed to start the trial on the 12th.", True),
        ("I asked Tomasz for the PO and he is raising it tomorrow.", True),
        ("Demo booked for Tue with their ops lead.", True),
        (
            "Asked if she would book a demo with the CIO - she said not yet, maybe after"
            " budget season.",
            True,
        ),
        # the customer's own initiative, and nothing asked at all
        ("Gerda rang me out of the blue and placed the spring order, 40 cases.", False),
        ("Good chat with Imogen about their roadmap, nothing agreed.", False),
    ],
)
def test_asked_where_the_note_shows_an_ask(text: str, was_asked: bool) -> None:
    assert read(text).asked is was_asked


def test_the_rules_take_any_advance_as_asked_and_the_model_overrules_them() -> None:
    text = "Priya is bringing her CFO to the pricing review on Thursday."
    rules = read_rules(text, WED)
    assert rules.verdict.outcome is Outcome.ADVANCE
    assert asked(rules.low, rules.verdict.outcome, rules.found)
    assert not read(text).asked


def test_without_a_shipped_model_the_rules_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arbiter.ASKED, "weights", {})
    assert read("Priya is bringing her CFO to the pricing review on Thursday.").asked


def test_the_model_reads_who_asked_from_the_words_beside_the_asking_words() -> None:
    pairs = dict(arbiter.ask_pairs(["then", "i", "asked", "her", "for", "it"]))
    assert pairs == {"p:i_asked": 1.0, "p:asked_her": 1.0}
    rules = read_rules("She brought it up on her own. I asked for the order.", WED)
    keys = {k for k, _ in ask_signals(rules.low, rules.verdict.outcome, rules.found, rules.thread)}
    assert {"ask:initiative", "ask:cue", "ask:anycue"} <= keys


@pytest.mark.parametrize(
    ("text", "proposes"),
    [
        (
            "Dusty: Guys loved it.\nMe: Glad you liked it! Want me to put a quote together?\n"
            "Dusty: Let me see how the month shakes out",
            True,
        ),
        # the customer's question is not our ask
        ("Dana: Could we push the demo to Friday?\nMe: sure, Friday 10am", False),
        ("Rang Dana. Could we do a demo Friday? She'll check.", False),  # no chat: the words decide
    ],
)
def test_the_reps_own_proposal_in_a_chat_is_a_signal_of_asking(text: str, proposes: bool) -> None:
    rules = read_rules(text, WED)
    keys = {k for k, _ in ask_signals(rules.low, rules.verdict.outcome, rules.found, rules.thread)}
    assert ("ask:chatq" in keys) is proposes
