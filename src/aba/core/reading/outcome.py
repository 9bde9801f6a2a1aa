"""Decide the call's outcome (Rackham) and, for a continuation, why it stalls.

Order and no-sale cues only count when they report what happened in this call: not negated
("haven't signed"), not conditional ("if budget comes through they'll buy"), not hedged, not
future ("ready to sign"), and not from an earlier call. An advance needs a firm customer
commitment to an action that moves the sale toward a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aba.core.reading import lexicon as lx
from aba.core.reading.commitments import Candidate, ClauseFlags
from aba.core.reading.sentences import Clause
from aba.core.vocabulary import Outcome, Party, Stall

_NEG_BEFORE = re.compile(
    r"\b(?:not|no|never|haven't|hasn't|hadn't|didn't|don't|doesn't|won't|wouldn't|isn't|aren't"
    r"|wasn't|yet\sto|without|nor|can't|cannot|couldn't)\b(?:\s[\w']+){0,3}\s*$",
    re.IGNORECASE,
)
_NOT_AN_ORDER = re.compile(
    r"^(?:signed|sign(?:ed)?\son)\s(?:off\b|up\b|the\s(?:nda|loi|pilot|poc|trial|sow\sfor\sthe"
    r"\spilot)|an?\s(?:nda|loi)|nda|our\snda|the\smutual)",
    re.IGNORECASE,
)
_YET_AFTER = re.compile(r"^[^.;]{0,25}\b(?:yet|not\syet)\b", re.IGNORECASE)
_DECLINED_TO = re.compile(r"^(?:declined|decline)\sto\b", re.IGNORECASE)
_REFUSED = re.compile(
    r"\b(?:wouldn't|would\snot|won't|will\snot|didn't|did\snot|couldn't|could\snot|refused|"
    r"declined|not\sready|not\swilling|unwilling|can't|cannot)\s(?:\w+\s){0,2}(?:commit|agree"
    r"|book|schedule|set|give|do|take|start|sign|go)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """Where an order or no-sale cue sits in the note."""

    start: int
    end: int
    clause: int


def _cues(
    rx: re.Pattern[str], norm: str, clauses: list[Clause], flags: list[ClauseFlags], kind: str
) -> list[Cue]:
    out: list[Cue] = []
    for ci, c in enumerate(clauses):
        f = flags[ci]
        if f.earlier or f.conditional:
            continue
        t = norm[c.start : c.end]
        for m in rx.finditer(t):
            before = t[max(0, m.start() - 40) : m.start()]
            if kind == "order":
                if _NOT_AN_ORDER.match(t[m.start() :]) or _YET_AFTER.match(t[m.end() :]):
                    continue
                if _NEG_BEFORE.search(before) or lx.ORDER_FUTURE.search(before[-22:]):
                    continue
                if f.hedged and lx.HEDGE.search(before):
                    continue
            else:
                if _DECLINED_TO.match(t[m.start() :]):
                    continue
                if f.hedged and lx.HEDGE.search(before):
                    continue
            out.append(Cue(c.start, c.end, ci))
            break
    return out


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    stall: Stall | None
    evidence: tuple[int, int] | None


def judge(
    norm: str,
    clauses: list[Clause],
    flags: list[ClauseFlags],
    cands: list[Candidate],
) -> Verdict:
    """The outcome, the stall and the span it rests on."""
    orders = _cues(lx.ORDER, norm, clauses, flags, "order")
    if orders:
        last = orders[-1]
        return Verdict(Outcome.ORDER, None, (last.start, last.end))
    current = [c for c in cands if not c.earlier]
    advances = [c for c in current if c.party is Party.CUSTOMER and c.firm and c.advancing]
    no_sales = _cues(lx.NO_SALE, norm, clauses, flags, "no_sale")
    if no_sales and not advances:
        last = no_sales[-1]
        return Verdict(Outcome.NO_SALE, None, (last.start, last.end))
    if advances:
        a = advances[0]
        return Verdict(Outcome.ADVANCE, None, (a.start, a.end))
    customer = [c for c in current if c.party is Party.CUSTOMER]
    rep = [c for c in current if c.party is Party.REP]
    if customer:
        c = customer[0]
        return Verdict(Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT, (c.start, c.end))
    if rep:
        c = rep[0]
        return Verdict(Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY, (c.start, c.end))
    for ci, c in enumerate(clauses):
        if _REFUSED.search(norm[c.start : c.end]) and not flags[ci].earlier:
            return Verdict(Outcome.CONTINUATION, Stall.NO_NEXT_STEP, (c.start, c.end))
    return Verdict(Outcome.CONTINUATION, Stall.NO_NEXT_STEP, None)


def asked(norm: str) -> bool:
    """Whether the rep asked for a commitment or for the order."""
    return bool(lx.ASKED.search(norm)) and not lx.NOT_ASKED.search(norm)
