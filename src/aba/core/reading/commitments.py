"""The commitments made in a call: who promised what, by when, and whether it counts.

`ClauseReader` finds what each clause says; here we add what only the whole note shows: the
scope a clause sits in (hedged, conditional, from an earlier call), the due date (a yes to the
rep's ask often gets its date in the next clause; "beforehand" borrows the event's date), and who
"she" is. Hedged promises, acts of the mind and conditional purchases are kept as unrecorded
candidates: they are no commitment, but they still tell whose move is next.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from aba.core.dates import DuePhrase
from aba.core.reading import lexicon as lx
from aba.core.reading.clause_reader import ClauseReader, Found, clean_action, in_quote
from aba.core.reading.sentences import Clause
from aba.core.vocabulary import Party

_OPENS_CONDITION = re.compile(r"(?:if|unless|once|assuming|provided|should)\b")
_PURCHASE = re.compile(
    r"\b(?:buy|purchase|order|go\sahead|proceed|sign|move\s(?:all|the|forward|everything)|award"
    r"|switch|roll\s?out|renew|upgrade|expand|commit)"
)
_ANAPHORA = re.compile(
    r"\b(?:beforehand|before\sthen|before\sit|ahead\sof\s(?:that|it|time|the\s\w+)|by\sthen"
    r"|for\sit|for\sthe\s(?:visit|demo|trial|audit|survey|workshop|session|meeting|day)|on\sthe"
    r"\sday|there)\b|^bring\b"
)
_PERSON_CUE = re.compile(
    r"(?:(?:spoke|speak|talked|talk|met|meeting|mtg|call|chat|chatted|visited|rang|emailed"
    r"|contact|saw|lunch)\s(?:to\s|with\s|w/\s?|w\s)?|\bw/\s?|contact:\s|\+\s|&\s|and\s)"
    r"(?:dr\.?\s|mrs?\.?\s|ms\.?\s)?$",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<![\w'])(?:(?:Dr|Mrs|Mr|Ms)\.?\s)?([A-Z][a-z]{1,15})(?:\s[A-Z][a-z]{1,15})?")
_GOING_OUT = re.compile(r"\b(?:going\sout|goes\sout|being\ssent|will\sbe\ssent|booked|set\sfor)\b")
_NOT_AHEAD = frozenset({"today", "now", "tonight", "eod", "cob", "end of day"})
_REQUEST = re.compile(
    r"\b(?:asked\s(?:me\s|us\s)?for|asked\s(?:me|us)\sto|wants|needs|requested)\b"
)
_PRONOUN_START = re.compile(r"(?:she|he|her|him)\b", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """A commitment as read, before the outcome decides what it means."""

    party: Party
    who: str | None
    action: str
    start: int
    end: int
    clause: int
    due: DuePhrase | None = None
    hedged: bool = False
    conditional: bool = False
    earlier: bool = False
    recorded: bool = True  # False: a hedge, an act of the mind or a conditional purchase
    advancing: bool = False
    stalling: bool = False  # the customer keeps the decision: "get back", "let us know"
    passive: bool = False  # the customer only looks at what we send: "he'll look when he can"
    accepted: bool = False
    forum: bool = False  # names a decision forum: "take it to the board on the 29th"


@dataclass(frozen=True, slots=True)
class ClauseFlags:
    """Scope cues found in one clause; `carried` is a condition from the clause before."""

    hedged: bool
    conditional: bool
    earlier: bool
    carried: bool = False


class Scopes:
    """Hedge, conditional and earlier-call scope per clause, worked out only when asked for.

    Most clauses carry no commitment or cue, so computing their scope lazily saves a third of
    the reading time. A clause that opens with "if"/"once"/"unless" lends its condition to the
    next clause of the same sentence ("If budget comes through, they'll buy in Q3").
    """

    def __init__(self, clauses: list[Clause], low: str) -> None:
        self.clauses, self.low = clauses, low
        self.cache: dict[int, ClauseFlags] = {}

    def __getitem__(self, ci: int) -> ClauseFlags:
        got = self.cache.get(ci)
        if got is None:
            c = self.clauses[ci]
            found = {m.lastgroup for m in lx.SCOPE.finditer(self.low, c.start, c.end)}
            prev = self.clauses[ci - 1] if ci else None
            carried = bool(
                prev
                and prev.sentence == c.sentence
                and _OPENS_CONDITION.match(self.low, prev.start)
            )
            got = ClauseFlags(
                "hedge" in found, carried or "cond" in found, "earlier" in found, carried
            )
            self.cache[ci] = got
        return got


def extract(
    clauses: list[Clause], norm: str, low: str, flags: Scopes, dates: list[DuePhrase]
) -> list[Candidate]:
    """Commitment candidates of every clause, in note order, each with its due phrase."""
    found: list[Candidate] = []
    starts = [d.start for d in dates]
    head = norm[:2000]
    runon = len(head) > 60 and sum(ch.isupper() for ch in head) < len(head) / 200
    quoted = False
    requested = bool(_REQUEST.search(low))
    prev: tuple[int, Party, str | None] | None = None  # (sentence, party, who) of the last one
    ask: tuple[int, str] | None = None  # (sentence, what the rep asked for or offered)
    for ci, c in enumerate(clauses):
        tl = low[c.start : c.end]
        here = (prev[1], prev[2]) if prev and prev[0] == c.sentence else None
        asked = ask[1] if ask and c.sentence - ask[0] <= 1 else None
        i = bisect_left(starts, c.start)
        j = bisect_left(starts, c.end, i)
        ahead = [d for d in dates[i:j] if d.end <= c.end and d.due and not d.past]
        # "call today" tells when the call was; a plan needs a day ahead ("today" only when
        # something is clearly going out: "intro email going out today").
        dated = any(d.text.lower() not in _NOT_AHEAD for d in ahead) or bool(
            ahead and _GOING_OUT.search(tl)
        )
        # Whether the clause starts inside a quotation, counted from its sentence's start; kept
        # running so a long sentence cut into many pieces is scanned once, not once per piece.
        if ci == 0 or clauses[ci - 1].sentence != c.sentence:
            quoted = False
        else:
            quoted ^= in_quote(norm, clauses[ci - 1].start, c.start)
        reader = ClauseReader(norm[c.start : c.end], tl, c, here, asked, dated, runon, quoted)
        reader.requested = requested
        got = reader.read()
        for k, f in enumerate(got):
            cand = _candidate(f, ci, flags[ci])
            # One commitment in a clause owns all its dates ("By Friday, she'll send specs");
            # several share the clause, each up to where the next begins.
            lo = c.start if len(got) == 1 else c.end
            end = got[k + 1].start if k + 1 < len(got) else c.end
            if f.accepted and ci + 1 < len(clauses):
                end = clauses[ci + 1].end
            cand.due = _due_for(dates, starts, cand.start, end, lo)
            if cand.forum and cand.stalling and cand.recorded and _firm(cand.due):
                cand.stalling, cand.advancing = False, True  # a dated decision forum
            found.append(cand)
            prev = (c.sentence, cand.party, cand.who)
            if f.accepted:
                ask = None
        last_ask = None
        for last_ask in lx.ASK_OBJECT.finditer(tl):  # noqa: B007 - the last one is wanted
            pass
        if last_ask is not None:
            obj, _ = clean_action(norm[c.start : c.end], last_ask.end(), c.end - c.start)
            if obj:
                ask = (c.sentence, obj)
    _borrow_dates(found, low)
    _resolve_who(found, norm)
    _our_people(found, norm)
    return found


def _our_people(found: list[Candidate], norm: str) -> None:
    """A manager's note names the rep ("AE (Dmitri) reports"): their promises are the rep's."""
    if not found or not lx.REP_ALIAS.search(norm):
        return
    ours = {m.group("a") or m.group("b") or m.group("c") for m in lx.REP_ALIAS.finditer(norm)}
    for cand in found:
        if cand.who and cand.who.split()[0] in ours:
            cand.party = Party.REP
            cand.advancing = cand.stalling = cand.passive = False


def _candidate(f: Found, ci: int, scope: ClauseFlags) -> Candidate:
    cand = Candidate(f.party, f.who, f.action, f.start, f.end, ci, accepted=f.accepted)
    cand.earlier = scope.earlier
    cand.hedged = f.hedged or scope.hedged
    # A condition in the same clause binds the action; one stated before binds only promises,
    # not what the customer agreed ("If the board approves, Hank agreed to a workshop").
    cand.conditional = (scope.conditional and not scope.carried) or (scope.carried and not f.agreed)
    action = f.action.lower()
    mental = bool(lx.MENTAL.match(action))
    cand.stalling = bool(lx.STALL_ACTION.search(action))
    cand.passive = bool(lx.PASSIVE_ACTION.search(action))
    purchase = cand.conditional and bool(_PURCHASE.search(action))
    cand.recorded = not (cand.hedged or mental or purchase or cand.earlier or cand.conditional)
    if cand.party is Party.CUSTOMER:
        cand.advancing = cand.recorded and not cand.stalling and not cand.passive
        cand.forum = bool(lx.FORUM.search(action))
    return cand


def _firm(d: DuePhrase | None) -> bool:
    return bool(d and d.due and not d.vague)


def _due_for(
    dates: list[DuePhrase], starts: list[int], start: int, end: int, lo: int
) -> DuePhrase | None:
    """The first future date phrase inside the commitment, else from `lo` to its end.

    A firm date wins over a fuzzy one or "now" in the same stretch.
    """
    for first in (start, lo):
        i = bisect_left(starts, first)
        best: DuePhrase | None = None
        while i < len(dates) and dates[i].end <= end:
            d = dates[i]
            if not d.past:
                if d.due and not d.vague and d.text.lower() != "now":
                    return d
                best = best or d
            i += 1
        if best:
            return best
    return None


def _borrow_dates(found: list[Candidate], low: str) -> None:
    """ "Send the agenda beforehand", "I'll bring the kit": the date of the event before it."""
    last_event: DuePhrase | None = None
    for cand in found:
        if (
            _firm(cand.due)
            and cand.party is Party.CUSTOMER
            and lx.EVENT_NOUN.search(cand.action.lower())
        ):
            last_event = cand.due
        elif cand.due is None and last_event and _ANAPHORA.search(cand.action.lower()):
            cand.due = last_event


def _resolve_who(found: list[Candidate], norm: str) -> None:
    """ "She'll send it": who is the person last named before, when the note names one."""
    if not any(
        c.party is Party.CUSTOMER
        and not c.who
        and (c.accepted or _PRONOUN_START.match(norm, c.start))
        for c in found
    ):
        return  # nobody to name: skip the scan
    people: list[tuple[int, str]] = []
    for m in _NAME.finditer(norm):
        word = m.group(1)
        if word.lower() in lx.NOT_A_NAME:
            continue
        before = norm[max(0, m.start() - 16) : m.start()]
        after = norm[m.end() : m.end() + 2]
        if _PERSON_CUE.search(before) or after.startswith((" (", ",")) and m.start() > 0:
            people.append((m.start(), m.group()))
    named = [(c.start, c.who) for c in found if c.who and c.party is Party.CUSTOMER]
    people = sorted(people + [(s, w) for s, w in named if w])
    for cand in found:
        if cand.party is not Party.CUSTOMER or cand.who:
            continue
        if not (cand.accepted or _PRONOUN_START.match(norm, cand.start)):
            continue
        i = bisect_left(people, (cand.start, ""))
        if i:
            cand.who = _first_name(people[i - 1][1])


def _first_name(name: str) -> str:
    """Gold `who` keeps a first name ("Dana"), or a title with the surname ("Dr Campbell")."""
    parts = name.split()
    if parts and parts[0].rstrip(".").lower() in ("dr", "mr", "mrs", "ms"):
        return " ".join(parts[:2])
    return parts[0] if parts else name
