"""The answer model: a customer's dated promise that only brings their decision is a
continuation, while a dated promise of a step toward the decision stays an advance."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.core.reading import answer, read_note
from aba.core.reading.rules import read_rules
from aba.core.vocabulary import Outcome, Stall

WED = dt.date(2026, 3, 4)


# A rules' advance on a dated promise the answer model is there for: "send me their ruling" is
# in no lexicon, so the rules read a dated customer action.
VERDICT = "Dana has the quote and will send me their ruling by Friday."


def test_a_promise_the_model_reads_as_their_answer_turns_the_advance_into_waiting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = read_rules(VERDICT, WED)
    assert rules.verdict.outcome is Outcome.ADVANCE
    sure = {"a:ruling": (-5.0, 5.0)}  # a model that reads "ruling" as their answer
    monkeypatch.setattr(answer.MODEL, "weights", sure)
    monkeypatch.setattr(answer.MODEL, "labels", list(answer.LABELS))
    assert answer.only_an_answer(rules)
    reading = read_note(VERDICT, WED)
    assert reading.outcome is Outcome.CONTINUATION
    assert reading.stall is Stall.WAITING_ON_PROSPECT
    span = reading.outcome_span  # the promise the rules' advance rested on
    assert span is not None and "ruling" in VERDICT[span.start : span.end]
    unsure = {"a:ruling": (0.0, 1.0)}  # p = 0.73: under answer.SURE, the advance stands
    monkeypatch.setattr(answer.MODEL, "weights", unsure)
    assert read_note(VERDICT, WED).outcome is Outcome.ADVANCE


def test_a_context_date_read_as_a_customer_promise_is_no_advance() -> None:
    text = "Shipped the samples. Their fiscal year starts July 1, fwiw."
    rules = read_rules(text, WED)
    assert rules.verdict.outcome is Outcome.ADVANCE
    assert read_note(text, WED).outcome is Outcome.CONTINUATION


@pytest.mark.parametrize(
    "text",
    [
        "She'll send the requirements by Friday; I'll send pricing.",
        "Demo with the CIO booked for Tuesday.",
        "Marco will bring his CFO to the workshop on the 12th.",
        "Priti agreed to start the security review Monday.",
    ],
)
def test_a_dated_step_toward_the_decision_stays_an_advance(text: str) -> None:
    rules = read_rules(text, WED)
    assert answer.dated_promises(rules)
    assert not answer.only_an_answer(rules)
    assert read_note(text, WED).outcome is Outcome.ADVANCE


def test_without_a_shipped_model_the_rules_advance_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer.MODEL, "weights", {})
    assert not answer.only_an_answer(read_rules(VERDICT, WED))
    assert read_note(VERDICT, WED).outcome is Outcome.ADVANCE
