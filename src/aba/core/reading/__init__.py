"""Read a rep's free-text call note: what the call achieved, in Rackham's SPIN Selling terms.

`read_note` is the one entry point; the rest of aba relies on its dataclasses. The reading is
rule-based and linear in the note's length: clauses, compiled cue lexicons, a date finder.
"""

from __future__ import annotations

import datetime as dt

from aba.core.dates import find_due_phrases
from aba.core.reading import commitments as cm
from aba.core.reading import lexicon as lx
from aba.core.reading.model import Commitment, Reading, Span, Value
from aba.core.reading.outcome import asked, judge
from aba.core.reading.sentences import split_clauses
from aba.core.reading.value import kinds_in, learned_in
from aba.core.vocabulary import Outcome

__all__ = ["Commitment", "Reading", "Span", "Value", "read_note"]

MAX_CHARS = 200_000  # beyond this a "note" is a paste accident; read the start of it


def _normalise(text: str) -> str:
    """Same-length text with curly quotes straightened, so offsets stay valid."""
    return lx.APOS.sub("'", text)


def read_note(text: str, call_date: dt.date) -> Reading:
    """Read one call note written on `call_date` (the date relative phrases count from)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    norm = _normalise(text[:MAX_CHARS])
    clauses = split_clauses(norm)
    flags = cm.clause_flags(clauses, norm)
    dates = find_due_phrases(norm, call_date)
    cands = cm.extract(clauses, norm, flags, dates)
    verdict = judge(norm, clauses, flags, cands)
    kept = [c for c in cands if not c.earlier and not (c.conditional and c.party.value == "x")]
    commitments = tuple(
        Commitment(
            party=c.party,
            who=c.who,
            action=c.action,
            due=c.due.due if c.due else None,
            due_text=c.due.text if c.due else None,
            vague=bool(c.due and c.due.vague),
            span=Span(c.start, c.end),
        )
        for c in kept
    )
    clause_texts = [c.text for c in clauses]
    kinds = kinds_in(norm)
    value = Value(given=bool(kinds), kinds=kinds, learned=learned_in(clause_texts))
    return Reading(
        outcome=verdict.outcome,
        stall=verdict.stall if verdict.outcome is Outcome.CONTINUATION else None,
        commitments=commitments,
        asked=asked(norm),
        value=value,
        outcome_span=Span(*verdict.evidence) if verdict.evidence else None,
    )
