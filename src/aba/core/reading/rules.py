"""The rules' own reading of a note, before any learned second opinion.

`read_note` builds on it, and scripts/train_reader.py trains the models on exactly what it
gives, so the models see at training time what they see when reading.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from aba.core.dates import DuePhrase, find_due_phrases, lower_same_length
from aba.core.reading import commitments as cm
from aba.core.reading import lexicon as lx
from aba.core.reading.features import features
from aba.core.reading.outcome import Verdict, judge
from aba.core.reading.sentences import Clause, split_clauses
from aba.core.reading.threads import Thread, read_thread
from aba.core.reading.value import given, kinds_in
from aba.core.vocabulary import Outcome, Party, ValueKind

MAX_CHARS = 200_000  # beyond this a "note" is a paste accident; read the start of it


class RulesReading(NamedTuple):
    """What the rules read: the text as read, its parts, the commitments and the verdict."""

    norm: str  # the note, curly quotes straightened (same length: offsets hold)
    low: str  # `norm` lowercased, same length
    clauses: list[Clause]
    dates: list[DuePhrase]
    found: dict[str, list[re.Match[str]]]  # the note-wide cues, by lexicon
    candidates: list[cm.Candidate]  # every promise read, recorded or not
    kept: list[cm.Candidate]  # the commitments: recorded promises and dates nobody took
    verdict: Verdict
    thread: Thread  # where the customer speaks in their own words (a pasted chat or reply)
    answered: frozenset[int] = frozenset()  # where dates of requests our promise answered start

    @property
    def parties(self) -> list[tuple[str, bool]]:
        """(party, dated) of each commitment, as the learned models take them."""
        return [(str(c.party), bool(c.due and c.due.due)) for c in self.kept]

    @property
    def value(self) -> tuple[tuple[ValueKind, ...], bool]:
        """The kinds of value the note names giving, and whether the rules read value given.

        Judged from the rules' own outcome (an advance almost always rests on value given), as
        the value model is trained on it.
        """
        kinds = kinds_in(self.low, self.found)
        advanced = self.verdict.outcome is Outcome.ADVANCE
        return kinds, bool(kinds) or given(self.low, advanced, self.found)

    @property
    def any_customer(self) -> bool:
        """Whether anything on the customer's side was read, promised or only hedged."""
        return any(c.party is Party.CUSTOMER for c in (*self.candidates, *self.kept))


def normalise(text: str) -> str:
    """Same-length text with curly quotes straightened and dictated punctuation written ("...
    pricing period I'm sending it Friday"), so offsets stay valid."""
    text = lx.APOS.sub("'", text)
    hint = any(w in text for w in _MARK_HINTS)  # substring tests, 4x cheaper than the scan
    if hint and len(_MARK_WORD.findall(text, 0, 20_000)) >= 2:  # dictation says its punctuation
        text = _SPOKEN_MARK.sub(_written_mark, text)
    return text


# Punctuation said aloud to a dictation tool, and the mark it means. "period" is also a word ("a
# 30-day period"): not after an article, a number or a word of time, and only in a note that says
# two marks.
_MARKS = {"period": ".", "full stop": ".", "comma": ",", "new paragraph": "\n", "new line": "\n"}
_MARK_ALTS = "|".join(k.replace(" ", r"\s") for k in _MARKS)
_SPOKEN_MARK = re.compile(
    rf"(?<![\w-])(?:(?P<prev>[\w-]+)\s)?(?P<mark>{_MARK_ALTS})(?![\w-])", re.IGNORECASE
)
_MARK_WORD = re.compile(rf"(?i:{_MARK_ALTS})")  # a quick count
# (a note that says only "new line" is left as it is)
_MARK_HINTS = ("eriod", "ERIOD", "omma", "OMMA", "ull stop", "ULL STOP", "aragraph", "ARAGRAPH")
_PERIOD_WORDS = """a the this that same each per trial grace notice cooling waiting payment billing
    time probation day week month year review"""
_PERIOD_AFTER = frozenset(_PERIOD_WORDS.split())


def _written_mark(m: re.Match[str]) -> str:
    """The mark the words said, padded to their length, the word before kept as it was."""
    prev, mark = m.group("prev") or "", m.group("mark")
    word = " ".join(mark.lower().split())
    low_prev = prev.lower()
    if word == "period" and (
        low_prev in _PERIOD_AFTER or low_prev[-1:].isdigit() or low_prev.endswith(("-day", "-week"))
    ):
        return m.group()
    head = m.group()[: m.start("mark") - m.start()]
    return head + _MARKS[word].ljust(len(mark))


def read_rules(text: str, call_date: dt.date) -> RulesReading:
    """The rules' reading of one note written on `call_date`."""
    norm = normalise(text[:MAX_CHARS])
    low = lower_same_length(norm)
    clauses = split_clauses(norm)
    flags = cm.Scopes(clauses, low)
    dates = find_due_phrases(norm, call_date, low)
    found = features(low)
    thread = read_thread(norm)
    cands = cm.extract(clauses, norm, low, flags, dates, bool(found["request"]), call_date, thread)
    verdict = judge(low, clauses, flags, cands, found)
    kept = [c for c in cands if c.recorded]
    kept += cm.orphan_commitments(cands, clauses, low, dates, call_date)
    kept.sort(key=lambda c: c.start)
    kept, answered = cm.answered_requests(kept, clauses, low, dates)
    return RulesReading(norm, low, clauses, dates, found, cands, kept, verdict, thread, answered)
