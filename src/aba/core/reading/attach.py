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
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from aba.core.dates import DuePhrase
from aba.core.reading import lexicon as lx
from aba.core.reading.arbiter import Model, softmax
from aba.core.reading.commitments import Candidate, is_header
from aba.core.reading.rules import RulesReading
from aba.core.reading.sentences import Clause
from aba.core.reading.subjects import ours_leading
from aba.core.reading.threads import QUOTE_CLOSE
from aba.core.vocabulary import Party

LABELS = ("none", "customer", "rep", "both")  # in this order: `likely` reads them so
_WORD = re.compile(r"[a-z0-9']+|[@>:\-]")
_DIGIT = re.compile(r"\d")
_LINE_HEAD = re.compile(r"[ \t\-*•>]*(?:\[[ x]?\]\s*)?([a-z0-9']+)")  # past bullets and [x] boxes
# Absences: a date there is when someone is away, never what they will do. (The rules' wider list
# of past events and negations, tried as this guard, cost 0.03 to 0.13 of recall on unseen voices.)
_ABSENT = re.compile(
    r"\b(?:away|ooo|pto|leave|holiday|vacation|until|till|til)\b|out\sof\s(?:the\s)?office"
)
_REP_WORDS = frozenset({"i", "we", "i'll", "we'll", "ill", "our", "me", "us", "i'm", "we're"})
_THEIR_WORDS = frozenset({"he", "she", "they", "he'll", "she'll", "they'll", "their", "his", "her"})
_YOU_WORDS = frozenset({"you", "you'll", "your", "you're"})  # in the customer's words: us
_THEIRS_IN_THEIR_WORDS = _REP_WORDS | _THEIR_WORDS  # their "I" and "she" both
WINDOW = 6  # words read either side of a date, within its sentence
REACH = 300  # characters of the sentence's other clauses that count as the date's surroundings
# A party gets a date at this probability; a date the rules gave a party the model rates under
# DROP is taken back. Left out one unseen voice at a time (12 batches, t5 to t7), recall/precision
# of dated commitments: rules 0.762/0.851; floor/drop 0.5/0.15 0.864/0.841, 0.5/0.35 0.859/0.852,
# 0.55/0.3 0.853/0.856, 0.4/0.15 0.870/0.828: 0.5/0.35 keeps the rules' precision.
FLOOR = 0.5
DROP = 0.35
MODEL = Model(Path(__file__).parent / "due_model.json")


def _surroundings(clauses: list[Clause], ci: int) -> range:
    """The clauses of the date's sentence read around it: its own and those within REACH
    characters (a sentence may be a whole unpunctuated note: this keeps reading linear)."""
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
    return range(lo, hi + 1)


def _by_clause(cands: list[Candidate]) -> dict[int, list[Candidate]]:
    out: dict[int, list[Candidate]] = defaultdict(list)
    for k in cands:
        out[k.clause].append(k)
    return out


def _ahead(days: int) -> str:
    if days <= 1:
        return str(max(0, days))
    return "week" if days <= 7 else "month" if days <= 31 else "later"


class Note:
    """One note as the date model reads it: the rules' promises grouped by clause, so each date
    looks only at the clauses around it."""

    def __init__(self, rules: RulesReading, call_date: dt.date) -> None:
        self.rules, self.day = rules, call_date
        self.kept = _by_clause(rules.kept)
        self.candidates = _by_clause(rules.candidates)
        self.seen: set[dt.date] = set()  # the days earlier dates of the note named
        self.held: dict[int, list[Party]] = defaultdict(list)  # whose each date is, by the rules
        for k in rules.kept:
            if k.due:
                self.held[id(k.due)].append(k.party)
        self.thread = rules.thread  # the customer's own words: their "I" is theirs

    def dates(self) -> Iterator[tuple[DuePhrase, int]]:
        """Each date that could be a due date (resolved, not past, not the call's header), with
        its clause."""
        clauses = self.rules.clauses
        starts = [c.start for c in clauses]
        for d in self.rules.dates:
            if d.due is None or d.past or is_header(d, self.day, self.rules.low):
                continue
            ci = bisect_left(starts, d.start + 1) - 1
            if ci >= 0:
                yield d, ci

    def features(self, d: DuePhrase, ci: int) -> dict[str, float]:
        """What the model reads about one date, in note order: the words around it, what the
        rules read there, its form, how far ahead it falls and whether an earlier date of the
        note named the same day."""
        low, clauses = self.rules.low, self.rules.clauses
        c = clauses[ci]
        near = _surroundings(clauses, ci)
        left = _WORD.findall(low, clauses[near[0]].start, d.start)[-WINDOW:]
        right = _WORD.findall(low, d.end, clauses[near[-1]].end)[:WINDOW]
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
        ours, theirs = _REP_WORDS, _THEIR_WORDS
        if self.thread.customer and self.thread.customer_at(d.start):
            add("said:customer")  # "Olamide: I'll ring you the 26th": the customer's "I"
            ours, theirs = _YOU_WORDS, _THEIRS_IN_THEIR_WORDS
        if any(w in ours for w in before):
            add("voice:rep")
        if any(w in theirs for w in before):
            add("voice:their")
        # who speaks nearest before the date: "she'll send plans Thursday, I'm back the 3rd"
        speaker = next((w for w in reversed(left) if w in ours or w in theirs), None)
        add("near:" + ("none" if speaker is None else "rep" if speaker in ours else "their"))
        # the first word of the date's line: "me -> pricing Tue", "Fabrizio -> specs Mon"
        line = low.rfind("\n", 0, d.start) + 1
        head = _LINE_HEAD.match(low, line, d.start) if d.start - line < REACH else None
        if head:
            add("line:" + head.group(1))
        add("form:" + _DIGIT.sub("0", d.text.lower())[:16])
        add("ahead:" + _ahead((d.due - self.day).days if d.due else 0))
        if d.vague:
            add("vague")
        if d.due in self.seen:
            add("again")
        if d.due:
            self.seen.add(d.due)
        kept = [k for j in near for k in self.kept.get(j, ())]
        held = self.held.get(id(d), [])  # the rules may have given it to another sentence
        for party in held:
            add(f"held:{party}")
        if not held:
            add("held:none")
        for k in kept:
            if k.due is None:
                add(f"open:{k.party}" + (":clause" if k.clause == ci else ""))
        # the promises read nearest before and after the date in its sentence
        around = [k for j in near for k in self.candidates.get(j, ())]
        prev = [k for k in around if k.start <= d.start]
        after = [k for k in around if k.start > d.start]
        add("prev:" + (str(prev[-1].party) if prev else "none"))
        add("next:" + (str(after[0].party) if after else "none"))
        for k in around:
            if k.clause == ci:
                add(f"cand:{k.party}:{'rec' if k.recorded else 'unrec'}")
                for flag in ("hedged", "conditional", "earlier", "stalling"):
                    if getattr(k, flag):
                        add(f"cand:{k.party}:{flag}")
        return feats


def _own_commitment(low: str, c: Clause, d: DuePhrase, call_date: dt.date) -> bool:
    """Whether a date no promise of its party took makes a commitment of its clause.

    Not where someone is away ("she's away until the 20th"); on the call's own day only where
    the clause names an action or an event ("i feel ill today" is no plan). Requiring that of
    every date cost 0.06 of recall on unseen voices for 0.03 of precision.
    """
    if _ABSENT.search(low, c.start, c.end) or lx.OUR_MEETING.search(low, c.start, c.end):
        return False  # (nor our own team's meeting: "for the account review on Friday")
    return bool(
        (d.due and d.due > call_date)
        or lx.ACTION_VERB.search(low, c.start, c.end)
        or lx.EVENT_NOUN.search(low, c.start, c.end)
    )


# "I'll send the security questionnaire by Friday": our own promise, in our own words
_OUR_PROMISE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:i|we)(?:'ll|\swill|\sshall)\s")
_ANOTHER_STEP = re.compile(r"[,;:(]|\s(?:and|then|while|but)\s")


def _our_promise(rules: RulesReading, c: Clause, d: DuePhrase) -> bool:
    """Whether the date closes our first-person promise, with no event of theirs in it: it is
    ours alone ("I'll bring the kit to their demo Thursday" names their event too, and "I'll
    send the template by Friday, her officer Jade delivers the letters w/c 5 January" another
    subject before the second date)."""
    low = rules.low
    return bool(
        _OUR_PROMISE.match(low, c.start)
        and not _ANOTHER_STEP.search(low, c.start, d.start)
        and not rules.thread.customer_at(c.start)
        and not _quoted(low, c.start)
        and not lx.EVENT_NOUN.search(low, c.start, c.end)
    )


_QUOTE_OPENS = re.compile(r"(?:^|[\s:(])([\"“'])")  # closed as a quoted reply is (QUOTE_CLOSE)


def _quoted(low: str, at: int) -> bool:
    """Whether `at` sits inside a quotation opened earlier in its paragraph: someone else's
    words pasted in ("with this: 'Hi Alana, ... I will send the site access forms Friday'")."""
    para = low.rfind("\n\n", 0, at) + 1
    last = None
    for m in _QUOTE_OPENS.finditer(low, para, at):
        last = m
    return last is not None and not QUOTE_CLOSE[last.group(1)].search(low, last.end(), at)


def likely(feats: dict[str, float], model: Model = MODEL) -> tuple[float, float]:
    """(P(due for the customer), P(due for us)) of one date: `arbiter.probabilities` written out
    for the four labels, which halves the time of the general loop."""
    get = model.weights.get
    none = customer = rep = both = 0.0
    for key, value in feats.items():
        row = get(key)
        if row:
            none += row[0] * value
            customer += row[1] * value
            rep += row[2] * value
            both += row[3] * value
    p = softmax([none, customer, rep, both])
    return p[1] + p[3], p[2] + p[3]


def reconcile(rules: RulesReading, call_date: dt.date, model: Model = MODEL) -> list[Candidate]:
    """The rules' commitments with each date given to the party the model reads it due for.

    A date the model gives a party the commitments lack goes to an undated promise of that party
    near it in its sentence, nearest first, or else becomes a commitment of its own (its clause the
    action); a date it rates under DROP for the party the rules gave it to is taken back. Only
    the clauses around the date change: a date another sentence borrowed ("bring the kit for it")
    stays. Candidates are copied before they change: the rules' reading stays as it was read.
    """
    if not model.weights or not rules.dates:
        return rules.kept
    note = Note(rules, call_date)
    clauses = rules.clauses
    mine = {j: list(ks) for j, ks in note.kept.items()}  # what this model changes, by clause
    dated: set[tuple[Party, dt.date | None]] = {(k.party, k.due.due) for k in rules.kept if k.due}
    rows = [(k.start, k.end) for k in rules.candidates if k.row]
    for d, ci in list(note.dates()):
        if rows and any(a <= d.start < b for a, b in rows):
            continue  # a plan's date cell: the row it sits in owns it
        if d.start in rules.answered:
            continue  # asked of us, and answered with a date of our own
        p_parties = likely(note.features(d, ci), model)
        c = clauses[ci]
        near = [j for j in _surroundings(clauses, ci) if j in mine]
        for party, p in zip((Party.CUSTOMER, Party.REP), p_parties, strict=True):
            if p < DROP:
                for j in near:
                    mine[j] = [
                        dataclasses.replace(k, due=None)
                        if k.due is d and k.party is party and not k.named
                        else k
                        for k in mine[j]
                    ]
            if p < FLOOR or (party, d.due) in dated:
                continue
            if any(k.earlier for k in note.candidates.get(ci, ())):
                continue  # its clause tells of an earlier call's promise: the date is that one's
            open_ = [
                (j, i)
                for j in near
                for i, k in enumerate(mine[j])
                if k.party is party and k.due is None
            ]
            if open_:
                j, i = min(
                    open_, key=lambda ji: (ji[0] != ci, abs(mine[ji[0]][ji[1]].start - d.start))
                )
                mine[j][i] = dataclasses.replace(mine[j][i], due=d)
            elif _own_commitment(rules.low, c, d, call_date):
                if party is Party.CUSTOMER and (ours_leading(c.text) or _our_promise(rules, c, d)):
                    continue  # "Ravi (SE) provisions the tenant by Fri": one of ours opens it
                new = Candidate(party, None, c.text[:160].strip(), c.start, c.end, ci, due=d)
                mine.setdefault(ci, []).append(new)
            else:
                continue
            dated.add((party, d.due))
    return sorted((k for ks in mine.values() for k in ks), key=lambda k: k.start)
