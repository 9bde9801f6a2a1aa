"""Read a rep's free-text call note: what the call achieved, in Rackham's SPIN Selling terms.

`read_note` is the one entry point; the rest of aba relies on its dataclasses. The reading is
rule-based and linear in the note's length: clauses, compiled cue lexicons (regrouped so the
regex engine tries only the words that can match, and the note-wide ones found in one pass),
a date finder, and a small learned second opinion on why a continuation stalls (arbiter.py).
"""

from __future__ import annotations

import datetime as dt

from aba.core.dates import find_due_phrases, lower_same_length
from aba.core.reading import arbiter
from aba.core.reading import commitments as cm
from aba.core.reading import lexicon as lx
from aba.core.reading.features import features
from aba.core.reading.model import Commitment, Reading, Span, Value
from aba.core.reading.outcome import asked, judge
from aba.core.reading.sentences import split_clauses
from aba.core.reading.value import given, kinds_in, learned_in
from aba.core.vocabulary import Outcome, Party, Stall

__all__ = ["Commitment", "Reading", "Span", "Value", "read_note"]

MAX_CHARS = 200_000  # beyond this a "note" is a paste accident; read the start of it
MAX_ARBITER = 20_000  # the stall model reads words: a long paste only needs its start


def _normalise(text: str) -> str:
    """Same-length text with curly quotes straightened, so offsets stay valid."""
    return lx.APOS.sub("'", text)


def read_note(text: str, call_date: dt.date) -> Reading:
    """Read one call note written on `call_date` (the date relative phrases count from)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    norm = _normalise(text[:MAX_CHARS])
    low = lower_same_length(norm)
    clauses = split_clauses(norm)
    flags = cm.Scopes(clauses, low)
    dates = find_due_phrases(norm, call_date, low)
    found = features(low)
    cands = cm.extract(clauses, norm, low, flags, dates, bool(found["request"]), call_date)
    verdict = judge(low, clauses, flags, cands, found)
    kept = [c for c in cands if c.recorded]
    kept += cm.orphan_commitments(cands, clauses, low, dates, call_date)
    kept.sort(key=lambda c: c.start)
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
    stall = verdict.stall if verdict.outcome is Outcome.CONTINUATION else None
    if stall is not None:
        parties = [(str(c.party), bool(c.due and c.due.due)) for c in kept]
        any_customer = any(c.party is Party.CUSTOMER for c in cands)
        other = arbiter.second_opinion(low[:MAX_ARBITER], str(stall), parties, any_customer)
        if other:
            stall = Stall(other)
    kinds = kinds_in(low, found)
    gave = bool(kinds) or given(low, verdict.outcome is Outcome.ADVANCE, found)
    value = Value(
        given=gave,
        kinds=kinds,
        learned=learned_in(norm, [(c.start, c.end) for c in clauses], found),
    )
    return Reading(
        outcome=verdict.outcome,
        stall=stall,
        commitments=commitments,
        asked=asked(low, verdict.outcome, found),
        value=value,
        outcome_span=Span(*verdict.evidence) if verdict.evidence else None,
    )
