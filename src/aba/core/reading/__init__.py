"""Read a rep's free-text call note: what the call achieved, in Rackham's SPIN Selling terms.

`read_note` is the one entry point; the rest of aba relies on its dataclasses. The reading is
rule-based and linear in the note's length: clauses, compiled cue lexicons (regrouped so the
regex engine tries only the words that can match, and the note-wide ones found in one pass),
a date finder, small learned second opinions on the outcome, on why a continuation stalls, on
whether the call gave value and on whether the rep asked (arbiter.py), on whether a customer's
dated promise is only their answer (answer.py), each bound to what the commitments read allow,
and a learned placing of each date with the party it is due for (attach.py).
"""

from __future__ import annotations

import datetime as dt
import re

from aba.core.reading import answer, arbiter, attach
from aba.core.reading import commitments as cm
from aba.core.reading import lexicon as lx
from aba.core.reading.model import Commitment, Reading, Span, Value
from aba.core.reading.outcome import ask_signals, asked
from aba.core.reading.rules import RulesReading, read_rules
from aba.core.reading.value import learned_in
from aba.core.vocabulary import Outcome, Party, Stall

__all__ = ["Commitment", "Reading", "RulesReading", "Span", "Value", "read_note"]

MAX_ARBITER = 20_000  # the models read words: a long paste only needs its start
# A plain request not to be contacted again (not "don't call her mobile", "don't call me until
# you have the number"), which the outcome model must not talk down.
_DO_NOT_CONTACT = re.compile(
    r"\b(?:do\snot|don't|dont)\s(?:contact|call|email|e-mail|visit|ring|phone)(?:\sor\s(?:contact"
    r"|call|email|e-mail|visit|ring|phone))?\s(?:him|her|us|them|me)(?:\sagain|\sany\s?more)?"
    r"(?=\s*(?:[.!,;]|$|about|regarding|re\b))|\bremove\s(?:us|me)\sfrom|\bunsubscribe"
)


def read_note(text: str, call_date: dt.date) -> Reading:
    """Read one call note written on `call_date` (the date relative phrases count from)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    rules = read_rules(text, call_date)
    low, found, verdict = rules.low, rules.found, rules.verdict
    # the models judge from the rules' own commitments, as trained; the dates then go where the
    # date model reads them due (never changing the outcome)
    kept = attach.reconcile(rules, call_date)
    commitments = tuple(
        Commitment(
            party=c.party,
            who=c.who,
            action=c.action,
            due=c.due.due if c.due else None,
            due_text=c.due.text if c.due else None,
            vague=c.due is None or c.due.vague,
            span=Span(c.start, c.end),
        )
        for c in kept
    )
    parties, any_customer = rules.parties, rules.any_customer
    outcome, evidence = verdict.outcome, verdict.evidence
    head = arbiter.Tokens(low[:MAX_ARBITER])  # cut and looked up once, read by every model
    other = (
        None  # asked not to be contacted: a lost deal by definition, whatever the words around it
        if outcome is Outcome.NO_SALE and _DO_NOT_CONTACT.search(low)
        else arbiter.outcome_opinion(head, str(outcome), str(verdict.stall), parties)
    )
    if other:
        outcome = Outcome(other)
        evidence = _evidence(outcome, found, kept)
    elif outcome is Outcome.ADVANCE and answer.only_an_answer(rules):
        # "she'll call me with the answer by Wed": dated, but only their decision to wait on
        outcome = Outcome.CONTINUATION
        first = answer.dated_promises(rules)[0]
        evidence = (first.start, first.end)
    said = lx.nothing_agreed(low) if outcome is Outcome.ADVANCE else None
    stall = None
    if said:
        # the writer's own "so: nothing agreed" outweighs the promises read, which were history
        # or side topics: only a dated step of ours is left as a next step
        outcome, evidence = Outcome.CONTINUATION, said.span()
        ours = tuple(c for c in commitments if c.party is Party.REP)
        dated = any(c.due for c in ours)
        stall = Stall.REP_FOLLOWUP_ONLY if dated else Stall.NO_NEXT_STEP
        commitments = ours if dated else ()
    elif outcome is Outcome.CONTINUATION:
        # the model sees the rules' own stall ("None" when they judged no continuation)
        second = arbiter.second_opinion(head, str(verdict.stall), parties)
        stall = Stall(second) if second else verdict.stall or _stall_of(rules.kept, any_customer)
        if kept and stall is Stall.NO_NEXT_STEP:
            # a dated one is a next step, those the dates made after the verdict too
            if any(c.due and c.due.due for c in kept):
                stall = _stall_of(kept, any(c.party is Party.CUSTOMER for c in kept))
            else:  # nothing agreed: "said we'd keep in touch" was read as a promise
                commitments = ()
    # a kind of value the note reports giving ("shared a benchmark") is value given; else the
    # value model reads the rules' answer
    kinds, ruled = rules.value
    gave = bool(kinds) or arbiter.value_opinion(
        head, str(verdict.outcome), str(verdict.stall), parties, ruled, len(low)
    )
    signals = ask_signals(low, verdict.outcome, found, rules.thread)
    did_ask = arbiter.asked_opinion(
        head, str(verdict.outcome), str(verdict.stall), parties, signals
    )
    if did_ask is None:  # no asked model shipped: the rules answer, on the final outcome
        did_ask = asked(low, outcome, found)
    value = Value(
        given=gave,
        kinds=kinds,
        learned=learned_in(rules.norm, [(c.start, c.end) for c in rules.clauses], found),
    )
    return Reading(
        outcome=outcome,
        stall=stall,
        commitments=commitments,
        asked=did_ask,
        value=value,
        outcome_span=Span(*evidence) if evidence else None,
    )


def _stall_of(kept: list[cm.Candidate], any_customer: bool) -> Stall:
    """Why a continuation stalls, from its commitments alone (when the model, not the rules,
    judged the call a continuation)."""
    if any_customer:
        return Stall.WAITING_ON_PROSPECT
    if any(c.party is Party.REP for c in kept):
        return Stall.REP_FOLLOWUP_ONLY
    return Stall.NO_NEXT_STEP


def _evidence(
    outcome: Outcome, found: dict[str, list[re.Match[str]]], kept: list[cm.Candidate]
) -> tuple[int, int] | None:
    """Where the note shows the outcome the model chose: its last cue, or its commitment."""
    cues = found["order"] if outcome is Outcome.ORDER else found["no_sale"]
    if outcome in (Outcome.ORDER, Outcome.NO_SALE) and cues:
        return cues[-1].start(), cues[-1].end()
    party = Party.CUSTOMER if outcome is Outcome.ADVANCE else None
    first = next((c for c in kept if party is None or c.party is party), None)
    return (first.start, first.end) if first else None
