"""Whose promise each date of a note is: a learned check on the rules' attachment of dates.

The rules find nearly every date a commitment is due on (98% of the train notes' due dates), but
in notes with several promises they give a date to the wrong promise, to the wrong party, or to
none. A small logistic regression reads each date in its sentence (the words either side, the
commitments the rules read around it, its form and how far ahead it falls) and says whether it is
due for the customer, for us, for both or for nobody. `reconcile` then moves the date to an
undated promise of that party in the sentence, or records it as a commitment of its own. It
never changes the outcome: it runs after the verdict.

Trained by scripts/train_reader.py on the train splits' commitment labels; the weights sit
beside this module as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

from aba.core.dates import DuePhrase
from aba.core.reading.arbiter import Model, probabilities
from aba.core.reading.commitments import Candidate, is_header
from aba.core.reading.rules import RulesReading
from aba.core.reading.sentences import Clause
from aba.core.vocabulary import Party

LABELS = ("none", "customer", "rep", "both")
_WORD = re.compile(r"[a-z0-9']+|[@>:\-]")
_DIGIT = re.compile(r"\d")
# Absences: a date there is when someone is away, never what they will do. (The rules' wider list
# of past events and negations, tried as this guard, cost 0.03 to 0.13 of recall on unseen voices.)
_ABSENT = re.compile(
    r"\b(?:away|ooo|pto|leave|holiday|vacation|until|till|til)\b|out\sof\s(?:the\s)?office"
)
_REP_WORDS = frozenset({"i", "we", "i'll", "we'll", "ill", "our", "me", "us", "i'm", "we're"})
_THEIR_WORDS = frozenset({"he", "she", "they", "he'll", "she'll", "they'll", "their", "his", "her"})
WINDOW = 6  # words read either side of a date, within its sentence
REACH = 300  # characters of the sentence's other clauses that count as the date's surroundings
# A party gets a date at this probability; a date the rules gave a party the model rates under
# DROP is taken back. Left out one unseen voice at a time (t5, t6 batches): see train_reader.py.
FLOOR = 0.5
DROP = 0.15
MODEL = Model(Path(__file__).parent / "due_model.json")


def dates_to_place(
    dates: list[DuePhrase], clauses: list[Clause], call_date: dt.date
) -> Iterator[tuple[DuePhrase, int]]:
    """Each date that could be a due date (resolved, not past, not the call's header), with
    its clause."""
    starts = [c.start for c in clauses]
    for d in dates:
        if d.due is None or d.past or is_header(d, call_date):
            continue
        ci = bisect_left(starts, d.start + 1) - 1
        if ci >= 0:
            yield d, ci


def _surroundings(clauses: list[Clause], ci: int) -> tuple[int, int]:
    """The stretch of the date's sentence read around it: its clause and near neighbours."""
    c = clauses[ci]
    lo = hi = ci
    while lo and clauses[lo - 1].sentence == c.sentence and c.start - clauses[lo - 1].start < REACH:
        lo -= 1
    while (
        hi + 1 < len(clauses)
        and clauses[hi + 1].sentence == c.sentence
        and clauses[hi + 1].end - c.end < REACH
    ):
        hi += 1
    return clauses[lo].start, clauses[hi].end


def _ahead(days: int) -> str:
    if days <= 1:
        return str(max(0, days))
    return "week" if days <= 7 else "month" if days <= 31 else "later"


def features(
    rules: RulesReading, d: DuePhrase, ci: int, call_date: dt.date, seen: set[dt.date]
) -> dict[str, float]:
    """What the model reads about one date: the words around it, what the rules read there, its
    form, how far ahead it falls and whether an earlier date of the note said the same day."""
    low, clauses = rules.low, rules.clauses
    c = clauses[ci]
    lo, hi = _surroundings(clauses, ci)
    left = _WORD.findall(low, lo, d.start)[-WINDOW:]
    right = _WORD.findall(low, d.end, hi)[:WINDOW]
    feats: dict[str, float] = {"bias": 1.0}

    def add(key: str, value: float = 1.0) -> None:
        feats[key] = feats.get(key, 0.0) + value

    for w in left:
        add("l:" + w, 0.5)
    for w in right:
        add("r:" + w, 0.5)
    for i, w in enumerate(reversed(left[-2:])):
        add(f"l{i + 1}:{w}")
    for i, w in enumerate(right[:2]):
        add(f"r{i + 1}:{w}")
    before = _WORD.findall(low, c.start, d.start)
    if any(w in _REP_WORDS for w in before):
        add("voice:rep")
    if any(w in _THEIR_WORDS for w in before):
        add("voice:their")
    add("form:" + _DIGIT.sub("0", d.text.lower())[:16])
    add("ahead:" + _ahead((d.due - call_date).days if d.due else 0))
    if d.vague:
        add("vague")
    if d.due in seen:
        add("again")
    held = [k for k in rules.kept if k.due is d]
    for k in held:
        add(f"held:{k.party}")
    if not held:
        add("held:none")
    for k in rules.kept:
        if k.due is None and clauses[k.clause].sentence == c.sentence:
            add(f"open:{k.party}" + (":clause" if k.clause == ci else ""))
    for k in rules.candidates:
        if k.clause == ci:
            add(f"cand:{k.party}:{'rec' if k.recorded else 'unrec'}")
            for flag in ("hedged", "conditional", "earlier", "stalling"):
                if getattr(k, flag):
                    add(f"cand:{k.party}:{flag}")
    return feats


def likely(feats: dict[str, float], model: Model = MODEL) -> tuple[float, float]:
    """(P(due for the customer), P(due for us)) of one date."""
    p = dict(zip(model.labels, probabilities(model.weights, len(model.labels), feats), strict=True))
    return p["customer"] + p["both"], p["rep"] + p["both"]


def reconcile(rules: RulesReading, call_date: dt.date, model: Model = MODEL) -> list[Candidate]:
    """The rules' commitments with each date given to the party the model reads it due for.

    A date the model gives a party the commitments lack goes to an undated promise of that party
    in its sentence, nearest first, or else becomes a commitment of its own (its clause the
    action); a date it rates under DROP for the party the rules gave it to is taken back.
    Candidates are copied before they change: the rules' own reading stays as it was read.
    """
    if not model.weights or not rules.dates:
        return rules.kept
    clauses = rules.clauses
    out = list(rules.kept)
    seen: set[dt.date] = set()
    unrecorded = [k for k in rules.candidates if not k.recorded]
    for d, ci in list(dates_to_place(rules.dates, clauses, call_date)):
        feats = features(rules, d, ci, call_date, seen)
        seen.add(d.due)  # type: ignore[arg-type]  # dates_to_place gives resolved dates only
        sentence = clauses[ci].sentence
        c = clauses[ci]
        away = bool(_ABSENT.search(rules.low, c.start, c.end))
        for party, p in zip((Party.CUSTOMER, Party.REP), likely(feats, model), strict=True):
            if p < DROP:  # only what the model read: a date borrowed by another sentence stays
                out = [
                    dataclasses.replace(k, due=None)
                    if k.due is d and k.party is party and clauses[k.clause].sentence == sentence
                    else k
                    for k in out
                ]
            if p < FLOOR or any(k.party is party and k.due and k.due.due == d.due for k in out):
                continue
            if any(k.clause == ci and k.party is party and k.earlier for k in unrecorded):
                continue  # the rules read that promise as hedged, conditional or of a past call
            open_ = [
                i
                for i, k in enumerate(out)
                if k.party is party and k.due is None and clauses[k.clause].sentence == sentence
            ]
            if open_:
                i = min(open_, key=lambda i: (out[i].clause != ci, abs(out[i].start - d.start)))
                out[i] = dataclasses.replace(out[i], due=d)
            elif not away:  # "she's away until the 20th" is no promise
                out.append(Candidate(party, None, c.text[:160].strip(), c.start, c.end, ci, due=d))
    out.sort(key=lambda k: k.start)
    return out
