"""The commitments made in a call: who promised what, by when, and whether it counts.

`ClauseReader` finds what each clause says; here we add what only the whole note shows: the
scope a clause sits in (hedged, conditional, from an earlier call), the due date (a yes to the
rep's ask often gets its date in the next clause; "beforehand" borrows the event's date), and who
"she" is. Hedged promises, acts of the mind and conditional purchases are kept as unrecorded
candidates: they are no commitment, but they still tell whose move is next.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from aba.core.dates import DuePhrase
from aba.core.reading import lexicon as lx
from aba.core.reading import modals as md
from aba.core.reading.clause_reader import ClauseReader, Found, clean_action, in_quote
from aba.core.reading.people import (
    addressed_to_ours,
    our_people,
    rep_aliases,
    resolve_who,
    sellers_by_deed,
    told_by_name,
    you_the_colleague,
)
from aba.core.reading.sentences import Clause
from aba.core.reading.subjects import ours_leading, who_party
from aba.core.reading.tables import Row, find_rows
from aba.core.reading.threads import Thread
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
_DUE_FIELD = re.compile(r"(?:due|deadline|by\swhen|when|eta|date)\s*[:\-–]")
_TAKE_TO = re.compile(r"\b(?:take|taking|put|putting|present|raise|bring|table|submit|add)\b")
_GOING_OUT = re.compile(r"\b(?:going\sout|goes\sout|being\ssent|will\sbe\ssent|booked|set\sfor)\b")
# Phrases that name the call's own day: a date fragment prefers any other ("EOD tmrw").
_NOT_AHEAD = frozenset(
    {"today", "now", "tonight", "eod", "cob", "end of day", "this afternoon", "this morning",
     "tonite", "this aft", "this arvo", "this pm", "this am",
     "this evening", "later today", "straight away", "right away", "immediately",
     "after the call", "right after the call", "straight after the call", "just after the call"}
)  # fmt: skip
_FRAGMENT_VERB = re.compile(
    r"\b(?:is|are|was|were|will|'ll|'s|had|has|have|did|does|said|sent|signed|went|got|called)\b"
)
_CAPITAL = re.compile(r"[A-Z]")
_OFFERED_TO = re.compile(r"offered\s(?:\w+\s)?to\s")
_REP_ASKS_LEAVE = re.compile(r"\b(?:if|whether)\s(?:i|we)\b")
_FOLLOW_UP = re.compile(
    r"(?:check\s(?:back|in)|follow[\s-]?up|call|ring|phone|e-?mail|keep\sin\stouch|stay\sin\stouch"
    r"|reach\sout|touch\sbase|send|circle\sback|revisit|try|chase|ping)\b"
)
_QUOTE_CHAR = re.compile("[\"“”']")
# The customer's own words: a line quoted with ">" (an email reply pasted under the rep's
# comment), or what follows a dialogue label up to ours or the line's end ("Me: want me to walk
# you through both? Her: 'can't, I'm slammed, I'll call you Friday.'").
_QUOTED_LINE = re.compile(
    r"^[ \t]*>[^\n]*|(?:^[ \t]*|(?<=[.?!'\"\-\u2013)]\s))"
    r"(?:[Hh]er|[Hh]im|[Ss]he|[Hh]e|[Tt]hem|HER|HIM|SHE|HE|THEM)"
    r"\s?:\s[^\n]*?(?=\s(?:[Mm]e|ME|[Uu]s|US)\s?:|\n|$)",
    re.MULTILINE,
)


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
    generic: bool = False  # "will circle back": after no contact, no commitment at all
    row: bool = False  # read from a row of a pasted plan: its date is its date cell's
    named: bool = False  # the customer named its day in their own words: the date model keeps it


class ClauseFlags(NamedTuple):
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
            found = lx.scopes_in(self.low, c.start, c.end)
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
    clauses: list[Clause],
    norm: str,
    low: str,
    flags: Scopes,
    dates: list[DuePhrase],
    requested: bool,
    call_date: dt.date,
    thread: Thread,
) -> list[Candidate]:
    """Commitment candidates of every clause, in note order, each with its due phrase.

    `requested`: the customer asked for something (lx.REQUEST), so a bare "resent" answers it;
    `thread`: where the customer speaks in their own words.
    """
    found: list[Candidate] = []
    starts = [d.start for d in dates]
    head = norm[:2000]
    runon = len(head) > 60 and _few_capitals(head)
    quoted = False
    # the quoted lines' (start, end), in note order: a clause is looked up by bisection, so a
    # long pasted thread stays linear
    replies = (
        [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(norm)]
        if ">" in norm or ":" in norm
        else []
    )
    theirs = thread.customer
    if theirs:  # the customer's own email or chat lines, pasted: read in their voice
        replies = sorted(replies + theirs)
    reply_starts = [a for a, _ in replies]
    asks = bool(lx.ASK_HINT.search(low))
    modals = md.find_modals(low, 0, len(low), len(low))  # every modal cue, in one scan
    modal_at = [m.start for m in modals]
    prev: tuple[int, Party, str | None] | None = None  # (sentence, party, who) of the last one
    # (sentence, what the rep asked for or offered, where the asked-for words start and end)
    ask: tuple[int, str, int, int] | None = None
    rows = find_rows(norm)
    row_ends = [r.end for r in rows]
    for ci, c in enumerate(clauses):
        if rows:
            r = bisect_left(row_ends, c.start + 1)
            if r < len(rows) and rows[r].start <= c.start:
                continue  # a plan's row: read by its cells below
        tl = low[c.start : c.end]
        here = (prev[1], prev[2]) if prev and prev[0] == c.sentence else None
        asked = ask[1] if ask and c.sentence - ask[0] <= 1 else None
        i = bisect_left(starts, c.start)
        j = bisect_left(starts, c.end, i)
        ahead = (
            [
                d
                for d in dates[i:j]
                if d.end <= c.end + 1 and d.due and not d.past and not is_header(d, call_date, low)
            ]
            if j > i
            else []
        )
        # "call today" tells when the call was; a plan needs a day ahead ("today" only when
        # something is clearly going out: "intro email going out today").
        # A date on the call's own day is a header ("Call 19/05 with ..."), not a plan.
        dated = bool(ahead) and (
            any(d.due > call_date for d in ahead if d.due) or bool(_GOING_OUT.search(tl))
        )
        # Whether the clause starts inside a quotation, counted from its sentence's start; kept
        # running so a long sentence cut into many pieces is scanned once, not once per piece.
        if ci == 0 or clauses[ci - 1].sentence != c.sentence:
            quoted = False
        elif _QUOTE_CHAR.search(norm, clauses[ci - 1].start, c.start):
            quoted ^= in_quote(norm, clauses[ci - 1].start, c.start)
        if replies and not quoted:
            r = bisect_right(reply_starts, c.start) - 1
            quoted = r >= 0 and c.start < replies[r][1]
        reader = ClauseReader(norm[c.start : c.end], tl, c, here, asked, dated, runon, quoted)
        reader.requested = requested
        reader.chat = thread.chat
        reader.question = norm.startswith("?", c.end) or norm.startswith(" ?", c.end)
        if theirs:
            reader.theirs = thread.customer_at
        reader.date_spans = [(d.start - c.start, d.end - c.start) for d in dates[i:j] if d.due]
        k = bisect_left(modal_at, c.start)
        reader.cues = modals[k : bisect_left(modal_at, c.end, k)]
        got = reader.read()
        firmest = (
            next((d for d in ahead if d.text.lower() not in _NOT_AHEAD), ahead[0])
            if ahead
            else None
        )
        if firmest and found and not got and _date_fragment(found[-1], clauses, c, firmest, tl):
            found[-1].due = firmest  # "agreed to an ROI workshop. Monday 8/11, her and HR."
            continue
        if not got and ahead and found and _DUE_FIELD.match(tl):
            last = found[-1]  # a template's "Due: Fri" dates the action just above it
            if last.due is None and last.recorded and ci - last.clause <= 3:
                last.due = ahead[0]
            continue
        for k, f in enumerate(got):
            cand = _candidate(f, ci, flags[ci], low, c)
            # One commitment in a clause owns all its dates ("By Friday, she'll send specs");
            # several share the clause, each up to where the next begins.
            lo = c.start if len(got) == 1 else c.end
            end = got[k + 1].start if k + 1 < len(got) else c.end
            if f.accepted and ci + 1 < len(clauses):
                end = clauses[ci + 1].end
            cand.due = _due_for(dates, starts, cand.start, end, lo)
            if (
                cand.due is None and f.accepted and ask
            ):  # "I asked for it back by the 15th; he agreed"
                cand.due = _due_for(dates, starts, ask[2], ask[3], ask[2])
            if cand.forum and cand.stalling and cand.recorded and _firm(cand.due):
                cand.stalling, cand.advancing = False, True  # a dated decision forum
            found.append(cand)
            prev = (c.sentence, cand.party, cand.who)
            if f.accepted:
                ask = None
        last_ask = None
        if not asks or not lx.ASK_HINT.search(tl):
            continue  # no asking verb: no ask object (the pattern below is slow to fail)
        for last_ask in lx.ASK_OBJECT.finditer(tl):  # noqa: B007 - the last one is wanted
            pass
        if last_ask is not None:
            obj, obj_end = clean_action(norm[c.start : c.end], last_ask.end(), c.end - c.start)
            # "asked if I could check back in 2 years" is our move; "... come and run an audit",
            # once agreed, is theirs to host.
            if (
                obj
                and not (_REP_ASKS_LEAVE.search(last_ask.group()) and _FOLLOW_UP.match(obj.lower()))
                and not _OFFERED_TO.search(last_ask.group())
            ):  # "I offered to draft a plan" is ours to do; "I offered a free audit" is theirs
                ask = (c.sentence, obj, c.start + last_ask.end(), c.start + obj_end)
    if rows:
        found += _row_candidates(rows, norm, low, clauses, flags, dates, starts)
        found.sort(key=lambda k: k.start)
    if any(f.generic and f.due is None for f in found) and lx.NO_CONTACT.search(low):
        for cand in found:  # "No answer. Will circle back.": nobody was there to promise to
            if cand.generic and cand.due is None:
                cand.recorded = False
    _borrow_dates(found, dates, starts)
    _done_on_the_call(found, low, call_date)
    _place_orphan_dates(found, clauses, dates, call_date, low)
    _share_sentence_date(found, clauses)
    if found:
        ours = rep_aliases(norm)
        resolve_who(found, norm, ours)
        sellers_by_deed(found, ours)
        told_by_name(found, norm, low, thread.customer_at)
        if addressed_to_ours(norm):
            you_the_colleague(found, norm, thread.customer_at)
        our_people(found, ours)
    return found


# The customer's request of us, as the rep tells it: "Could I get them to her by Friday?", "he
# asked if we could get the proposal to him by 12/3" (not the rep's own "Asked if we could...").
_REQUEST_OF_US = re.compile(
    r"\b(?:(?:can|could)\s(?:i|we)\s(?:get|send|have|email|drop|bring)\b[^?\n]{0,120}\?"
    r"|(?<!\bi\s)(?<!\bwe\s)(?<!\band\s)(?<!\balso\s)(?<!\bthen\s)(?<!^)(?<![.\n]\s)"
    r"asked\s(?:if|whether)\s(?:i|we)\s(?:could|can)\s(?:get|send|have|email|drop|bring)\b)"
)


# Our answer to it, when the rules read no promise in it, just before its date: "- told her
# she'd have it tomorrow", "It'll be in his inbox Mon 12/1" (not "I'll do that and he's taking
# it to the committee on the 24th")
_OUR_REPLY = re.compile(
    r"\b(?:i'll|i\swill|we'll|we\swill|i'm|we're|told\s(?:her|him|them)|yes\b|it'll\sbe\s(?:in|with"
    r"|on|there)\b)"
)


def answered_requests(
    kept: list[Candidate], clauses: list[Clause], low: str, dates: list[DuePhrase]
) -> tuple[list[Candidate], frozenset[int]]:
    """`kept` without the date of a request of us that our own dated promise answers within two
    sentences ("Could I get them to her by Friday? Sending all three tomorrow am": the date we
    gave is the one we keep), and where those dates start, so the date model leaves them too.
    """
    if not dates or ("?" not in low and "asked" not in low):
        return kept, frozenset()
    starts = [c.start for c in clauses]

    def clause_of(at: int) -> Clause | None:
        i = bisect_right(starts, at) - 1
        return clauses[i] if i >= 0 else None

    requests = [
        (d, c.sentence)
        for d in dates
        if (c := clause_of(d.start)) and _REQUEST_OF_US.search(low, c.start, c.end + 1)
    ]
    if not requests:
        return kept, frozenset()
    # (sentence, start) of our dated promises, and of dates told just after our reply words
    ours = [
        (clauses[k.clause].sentence, k.due.start) for k in kept if k.party is Party.REP and k.due
    ]
    replies = [
        (c.sentence, e.start)
        for e in dates
        if e.due
        and (c := clause_of(e.start))
        and _OUR_REPLY.search(low, max(c.start, e.start - 40), e.start)
    ]
    dropped = {
        d.start
        for d, sentence in requests
        if any(0 <= s - sentence <= 2 and at > d.end for s, at in ours)
        or any(0 <= s - sentence <= 1 and at > d.end for s, at in replies)
    }
    if not dropped:
        return kept, frozenset()
    return [k for k in kept if not k.due or k.due.start not in dropped], frozenset(dropped)


_FIELD_LABEL = re.compile(r"(?:call|date|visit|mtg|meeting|met)\s?:\s*$")


_WEEKDAY_ALONE = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri)(?:day|nesday|sday|rsday)?\.?$"
)
_HEAD_SEPARATOR = re.compile(r"[,\-–—|(]\s*$")


def is_header(d: DuePhrase, call_date: dt.date, low: str = "") -> bool:
    """ "Mtg 06/03 ..." at the top of a note, or a first line's "| Call: 06/11" field: the call's
    own day written day-first, no due date (`low`: the lowercased note, for the field label).
    So is the call's own weekday closing the first line: "Call notes - Thabo (SE), Monday",
    "Ride-along recap - Travis (AE) at Hamlin Fire District, Thursday" (16 train and unseen
    notes, none with a commitment due a week later)."""
    sep = "/" if "/" in d.text else "." if d.text.count(".") >= 2 else ""
    if not sep:  # ("Minutes of call, 03.12.2025" too)
        return _own_weekday_heading(d, call_date, low)
    if d.start > 30 and not (
        # the label first: it is rare, and the first-line check scans the note up to the date
        _FIELD_LABEL.search(low, max(0, d.start - 12), d.start) and low.find("\n", 0, d.start) < 0
    ):
        return False
    parts = d.text.split(sep)
    return (
        parts[0].isdigit()
        and parts[1].isdigit()
        and (int(parts[1]), int(parts[0]))
        == (
            call_date.month,
            call_date.day,
        )
    )


def _own_weekday_heading(d: DuePhrase, call_date: dt.date, low: str) -> bool:
    if not (d.due and (d.due - call_date).days == 7 and _WEEKDAY_ALONE.match(d.text.lower())):
        return False
    line_end = low.find("\n")
    line_end = len(low) if line_end < 0 else line_end
    return (
        d.end <= line_end
        and not low[d.end : line_end].strip(" .:)|-")
        and bool(_HEAD_SEPARATOR.search(low, max(0, d.start - 3), d.start))
    )


def _few_capitals(text: str) -> bool:
    """Whether under one character in 200 is a capital: dictated, all-lowercase text."""
    return all(n * 200 < len(text) for n, _ in enumerate(_CAPITAL.finditer(text), 1))


def _date_fragment(
    last: Candidate, clauses: list[Clause], c: Clause, d: DuePhrase, tl: str
) -> bool:
    """Whether clause `c` only gives a date for the undated commitment just before it."""
    return (
        last.due is None
        and 0 <= c.sentence - clauses[last.clause].sentence <= 1
        and last.recorded
        and not d.vague
        and (d.start - c.start <= 3 or tl.count(" ") <= 5)  # "Access by EOD tmrw."
        and len(tl) <= 60
        and not _FRAGMENT_VERB.search(tl)
    )


def _row_candidates(
    rows: list[Row],
    norm: str,
    low: str,
    clauses: list[Clause],
    flags: Scopes,
    dates: list[DuePhrase],
    starts: list[int],
) -> list[Candidate]:
    """The promises of a pasted plan, one a row: its owner's, its step, its date cell's date.

    Rows done or carried over from an earlier call are kept unrecorded, so their dates are
    nobody's. A company that owns a row with "(me)", "(us)" or a seller's role is ours: its other
    rows are ours too ("Quaylane (me)" makes "Quaylane (Mehtap)" one of us).
    """
    ours = {
        r.owner.partition(" (")[0].lower()
        for r in rows
        if r.owner and _OUR_ROW_OWNER.search(r.owner) and r.owner.partition(" (")[0]
    }
    clause_starts = [c.start for c in clauses]
    out: list[Candidate] = []
    for r in rows:
        if not r.owner:
            continue
        head, _, paren = r.owner.partition(" (")
        if head.lower() in ours or _OUR_ROW_OWNER.search(r.owner):
            party, who = Party.REP, _paren_name(paren)
        elif head.lower() in ("both", "joint", "all"):
            party, who = Party.CUSTOMER, None  # an event both sides hold: theirs to attend
        else:
            told, who = who_party(r.owner)
            party = told or Party.CUSTOMER
            who = who if told else head
            if party is Party.CUSTOMER and paren:
                who = _paren_name(paren) or who  # "Vandalia (Narek)": Narek owes it
        ci = max(0, bisect_right(clause_starts, r.action[0]) - 1)
        f = Found(party, who, norm[r.action[0] : r.action[1]], r.start, r.end)
        cand = _candidate(f, ci, flags[ci], low, clauses[ci])
        cand.row = True
        if r.done:
            cand.earlier, cand.recorded = True, False
            cand.advancing = False
        if r.when:
            i = bisect_left(starts, r.when[0])
            cell = dates[i : bisect_left(starts, r.when[1], i)]
            cand.due = next((d for d in cell if not d.past), cell[0] if cell else None)
        out.append(cand)
    return out


# A row owner that is us: "us (Yejin)", "me", "Quaylane (me)", "our SE", "Keyur (SE)"
_OUR_ROW_OWNER = re.compile(
    rf"^(?:us|me|we|our\b)|\((?:me|us|we|our\b[^)]*|[^)]*\b{lx.SELLER_ROLE})\)", re.IGNORECASE
)
_PAREN_FIRST = re.compile(r"([A-Z][a-z]{1,15})\b")


def _paren_name(paren: str) -> str | None:
    """The person named in an owner's brackets: "Narek)" -> Narek; "me)" -> None."""
    m = _PAREN_FIRST.match(paren)
    return m.group(1) if m and m.group(1).lower() not in ("me", "us", "we", "our") else None


def _candidate(f: Found, ci: int, scope: ClauseFlags, low: str, c: Clause) -> Candidate:
    if f.party is Party.REP and (lx.HEAR_FROM.match(f.action) or lx.TO_US.match(f.action)):
        # "I will hear from him in week 15", "will feedback to us after CNY": theirs to give
        f.party, f.who = Party.CUSTOMER, None
    cand = Candidate(f.party, f.who, f.action, f.start, f.end, ci, accepted=f.accepted)
    cand.named = f.named
    cand.earlier = scope.earlier
    # A hedge or condition after this commitment's words belongs to the next one: "She's sending
    # the agreement by EOW and purchasing will issue the PO once it's countersigned".
    if (scope.hedged or scope.conditional) and not scope.carried and f.end < c.end:
        after = lx.scopes_in(low, c.start, f.end)
        scope = ClauseFlags("hedge" in after, "cond" in after, scope.earlier)
    cand.hedged = f.hedged or scope.hedged
    # A condition binds a promise or a purchase, not an action the customer agreed to ("Dev agreed
    # to send the files by Friday, once we've signed their NDA"; "If the board approves, Hank
    # agreed to a workshop").
    action = f.action.lower().lstrip("\"'“‘")  # (a quoted promise: "report to her boss and reply")
    cut = lx.CONDITIONAL.search(action)
    buys = bool(_PURCHASE.search(action, 0, cut.start() if cut else len(action)))
    cand.conditional = scope.conditional and not (f.agreed and not buys)
    mental = bool(lx.MENTAL.match(action) or (f.party is Party.CUSTOMER and lx.STATE.match(action)))
    cand.stalling = not f.event and bool(lx.STALL_ACTION.search(action))
    # "go through it with his trustees and come back to us": their decision, not a mere look
    cand.passive = bool(lx.PASSIVE_ACTION.search(action)) and not lx.TO_US.search(action)
    purchase = cand.conditional and buys
    # A condition leaves our own promise standing: "I'll set up the demo once she sends dates".
    bound = cand.conditional and cand.party is Party.CUSTOMER and not lx.REPLY_ONCE.search(action)
    cand.recorded = not (cand.hedged or mental or purchase or cand.earlier or bound)
    if cand.recorded and cand.party is Party.REP and lx.GENERIC_REP.match(action):
        cand.generic = True
    if cand.party is Party.CUSTOMER:
        cand.advancing = cand.recorded and not cand.stalling and not cand.passive
        # a forum counts when they take our proposal to it, not when they come back after it
        cand.forum = bool(lx.FORUM.search(action)) and bool(_TAKE_TO.search(action))
    return cand


# A step of ours done on the call or just after it, told with when: "Sent it right after",
# "done, sent 3:40pm", "Emailed them from the parking lot", "Sent both 20 mins after". It is due
# the call's day (train: 23 such undated readings had that gold date, 3 had none).
_DONE_VERB = re.compile(
    r"(?:sent|emailed|e-mailed|texted|forwarded|shared|mailed|uploaded|resent|re-sent|submitted"
    r"|issued|whatsapped|done)\b"
)
_DONE_WHEN = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s?(?:am|pm)?|\d{1,2}\s?(?:am|pm)|right\safter|straight\saway"
    r"|from\sthe\s(?:car|parking\slot|car\spark)|while\s(?:he|she|they|we|i)\s(?:was|were)\s(?:still\s)?on"
    r"|during\sthe\scall|on\sthe\scall|before\swe\shung\sup|within\sthe\shour|in\san\shour"
    r"|\d+\s?min(?:ute)?s?\s(?:after|later)|there\sand\sthen|as\swe\s(?:spoke|talked))\b"
)


def _done_on_the_call(found: list[Candidate], low: str, call_date: dt.date) -> None:
    """Date our undated steps done on the call, or right after it, with the call's day."""
    for cand in found:
        if cand.party is Party.REP and cand.due is None and _DONE_VERB.match(low, cand.start):
            when = _DONE_WHEN.search(low, cand.start, cand.end)
            if when:
                cand.due = DuePhrase(when.start(), when.end(), when.group(), call_date, False)


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


def _borrow_dates(found: list[Candidate], dates: list[DuePhrase], starts: list[int]) -> None:
    """ "Send the agenda beforehand", "I'll bring the kit": the date of the event before it."""
    last_event: DuePhrase | None = None
    last_firm: DuePhrase | None = None
    for cand in found:
        if cand.due is None and lx.SAME_DAY.search(cand.action.lower()):
            # "she'll send them by Thursday and we'll set up that afternoon"; "the board meets
            # on the 19th and she'll put our proposal forward then": the last firm date before
            i = bisect_left(starts, cand.start) - 1
            while i >= 0 and not _firm(dates[i]):
                i -= 1
            near = dates[i] if i >= 0 and cand.start - dates[i].end < 120 else None
            cand.due = near or last_firm
        if _firm(cand.due):
            last_firm = cand.due
        if (
            _firm(cand.due)
            and cand.party is Party.CUSTOMER
            and lx.EVENT_NOUN.search(cand.action.lower())
        ):
            last_event = cand.due
        elif cand.due is None and last_event and _ANAPHORA.search(cand.action.lower()):
            cand.due = last_event


def _untaken_dates(
    found: list[Candidate],
    clauses: list[Clause],
    dates: list[DuePhrase],
    call_date: dt.date,
    low: str,
) -> Iterator[tuple[DuePhrase, int]]:
    """Each firm date no commitment took (past dates and headers aside), with its clause."""
    taken = {id(c.due) for c in found if c.due is not None}
    rows = [(c.start, c.end) for c in found if c.row]
    starts = [c.start for c in clauses]
    for d in dates:
        if id(d) in taken or not d.due or d.vague or d.past or is_header(d, call_date, low):
            continue
        if rows and any(a <= d.start < b for a, b in rows):
            continue  # a plan row's other cells ("open, from the 5/8 call") date nothing
        ci = bisect_left(starts, d.start + 1) - 1
        if ci >= 0:
            yield d, ci


def _place_orphan_dates(
    found: list[Candidate],
    clauses: list[Clause],
    dates: list[DuePhrase],
    call_date: dt.date,
    low: str,
) -> None:
    """A firm date no commitment took goes to an undated one of its sentence, nearest first.

    "Agreed to trial the blades on 10 trucks, fitting them Saturday": the shape that read the
    promise did not reach the date, yet a date in the same sentence as a promise is its date.
    """
    if not found or not dates:
        return
    for d, ci in _untaken_dates(found, clauses, dates, call_date, low):
        sentence = clauses[ci].sentence
        open_ = [
            c
            for c in found
            if c.due is None and c.recorded and clauses[c.clause].sentence == sentence
        ]
        if open_:
            best = min(open_, key=lambda c: (c.clause != ci, abs(c.start - d.start)))
            best.due = d


# Ours: the writer speaking ("I", "we", "our"), or asking a colleague ("@Bex pls get ...").
_REP_VOICE = re.compile(
    r"\b(?:i|we|i'll|we'll|i'm|we're|i've|our|ill|im|pls|please)\b|@\w|can\sone\sof\syou"
    r"|\basked\s(?:me\s|us\s)?for\b|\brequested\b"  # they asked: the dated answer is ours
)
_REP_OPENING = re.compile(r"(?:us\s*:|will\b|checking|sending|doing|drafting|working\son)")
# Past events, negations, absences and calendar facts: dates that are nobody's promise.
_NOT_A_PLAN = re.compile(
    r"\b(?:was|were|went|did|had|held|gave|showed|ran|came|last|ago|since|cancell?ed|postponed"
    r"|ends?|expires?|expired|renews?|runs\sout|no|not|never|ooo|pto|leave|holiday|vacation|till|until"
    r"|til|away|goes\sout|drops|deadline|start\sdate|fy|fiscal|financial\syear|if)\b|n't\b"
    r"|out\sof\s(?:the\s)?office"
)


def orphan_commitments(
    found: list[Candidate],
    clauses: list[Clause],
    low: str,
    dates: list[DuePhrase],
    call_date: dt.date,
) -> list[Candidate]:
    """Commitments read from firm future dates that no commitment took: "Kaylee drops a case fri".

    The clause must name an action or an event and not tell of the past or a negation. Whose it
    is: ours when the clause speaks as us ("I", "we", "our"), else the customer's. These are
    read after the outcome is judged and never change it: they only keep a date from being lost.
    """
    used = {c.clause for c in found}
    out: list[Candidate] = []
    for d, ci in _untaken_dates(found, clauses, dates, call_date, low):
        if d.due is None or d.due <= call_date or ci in used:
            continue
        c = clauses[ci]
        tl = low[c.start : c.end]
        joint = lx.WE_JOINTLY.search(tl)  # "I suggested we regroup Thursday with him"
        if _NOT_A_PLAN.search(tl) or not (
            joint or lx.ACTION_VERB.search(tl) or lx.EVENT_NOUN.search(tl)
        ):
            continue
        if lx.OUR_MEETING.search(tl):
            continue  # our own team's: "Sharing for the account review on Friday"
        ours = (
            _REP_VOICE.search(low, c.start, d.start)
            or _REP_OPENING.match(tl)
            or ours_leading(c.text)  # "Ravi (SE) provisions the tenant by Fri"
        )
        party = Party.REP if ours and not joint else Party.CUSTOMER
        out.append(Candidate(party, None, c.text[:160], c.start, c.end, ci, due=d))
        used.add(ci)
    return out


def _share_sentence_date(found: list[Candidate], clauses: list[Clause]) -> None:
    """One event, two promises: "demo Thu 2pm, she'll bring the analyst" - both are for Thursday.

    An undated promise takes the date of its sentence when the sentence has one firm date only.
    """
    by_sentence: dict[int, list[Candidate]] = {}
    for c in found:
        if c.recorded:
            by_sentence.setdefault(clauses[c.clause].sentence, []).append(c)
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        firm = {id(c.due): c.due for c in group if _firm(c.due)}
        if len(firm) != 1:
            continue
        (due,) = firm.values()
        for c in group:
            if c.due is None and not c.stalling:
                c.due = due
