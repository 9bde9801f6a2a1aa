"""Find the commitments made in a call: who promised what, by when, and how firmly.

A commitment is found in one of four shapes reps write: a subject with a modal ("she'll send the
specs Friday", "Dana agreed to a trial"), a labelled to-do ("Dana - send specs", "me: pricing"),
a scheduled event with no subject ("Demo booked Tue"), or a bare to-do in the rep's own voice
("f/u next wk"). Each candidate keeps the scope flags that decide whether it counts: negated,
hedged, conditional, or mentioned from an earlier call.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aba.core.dates import DuePhrase
from aba.core.reading import lexicon as lx
from aba.core.reading.sentences import Clause
from aba.core.vocabulary import Party

_PRONOUN_WHO = frozenset({"she", "he", "they", "them", "we", "i", "me", "both of us"})
_REP_WHO = frozenset({"i", "me", "myself", "rep", "we", "us", "our team", "my team"})
_LEAD_WORDS = re.compile(
    r"^(?:(?:and|but|so|then|also|plus|next|ns|update|ok|okay|overall|btw|ps|fyi)"
    r"\b[\s,:-]*)+",
    re.IGNORECASE,
)
_PAST_EVENT = re.compile(
    r"\b(?:did|went|was|were|had|gave|ran|showed|held|attended|completed|finished|delivered"
    r"|happened|took\splace)\b",
    re.IGNORECASE,
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
    advancing: bool = False
    stalling: bool = False

    @property
    def firm(self) -> bool:
        return not (self.hedged or self.conditional or self.earlier)


@dataclass(slots=True)
class ClauseFlags:
    """Scope cues found in one clause."""

    hedged: bool
    conditional: bool
    earlier: bool
    negated: bool


def clause_flags(clauses: list[Clause], norm: str) -> list[ClauseFlags]:
    """Hedge, conditional, earlier-call and negation scope per clause.

    A clause that opens with "if"/"once"/"unless" lends its condition to the next clause of the
    same sentence ("If budget comes through, they'll buy in Q3").
    """
    flags: list[ClauseFlags] = []
    carry_cond = -1
    for i, c in enumerate(clauses):
        t = norm[c.start : c.end]
        cond = bool(lx.CONDITIONAL.search(t)) or carry_cond == c.sentence
        carry_cond = c.sentence if re.match(r"(?i)(?:if|unless|once|assuming|provided)\b", t) else -1
        flags.append(
            ClauseFlags(
                hedged=bool(lx.HEDGE.search(t)),
                conditional=cond,
                earlier=bool(lx.EARLIER.search(t)),
                negated=bool(lx.NEGATION.search(t)),
            )
        )
        del i
    return flags


def _who_party(subject: str) -> tuple[Party | None, str | None]:
    """Party and who for a subject phrase; None party when it is no person at all."""
    s = subject.strip().strip(",:()")
    words = s.split()
    while len(words) > 1 and words[0].lower() in lx.NOT_A_NAME:
        words = words[1:]  # "Then Sarah" -> "Sarah"
    s = " ".join(words)
    low = s.lower()
    low = re.sub(r"\s+(?:also|then|just|now|kindly|happily|finally|definitely|already|still|both"
                 r"|personally|herself|himself|themselves|myself)$", "", low)
    s = s[: len(low)] if len(low) <= len(s) else s
    if low in _REP_WHO or lx.REP_PRONOUN.match(low):
        return Party.REP, None
    if low in _PRONOUN_WHO:
        return Party.CUSTOMER, None
    first = low.split()[0] if low.split() else ""
    if first in lx.NOT_A_NAME and not re.match(rf"(?i)^(?:the\s|their\s)?{lx.ROLE}\b", low):
        return None, None
    if first in ("their", "the", "her", "his"):
        rest = s.split(None, 1)[1] if " " in s else s
        if re.match(rf"(?i)^(?:\w+\s)?{lx.ROLE}\b", rest) or re.match(
            r"(?i)^(?:customer|client|prospect|buyer|boss|team)", rest
        ):
            return Party.CUSTOMER, (None if rest.lower() in ("customer", "client", "prospect")
                                    else rest)
        return None, None
    if s[:1].isupper() or re.match(rf"(?i)^{lx.ROLE}$", low):
        return Party.CUSTOMER, s
    return None, None


def _action(text: str, start: int, end: int) -> tuple[str, int]:
    """The action words in text[start:end], and where they end (offset into text)."""
    seg = text[start:end]
    m = re.search(r"[.;!?]|\s(?:but|because|since|as|although|though)\s", seg)
    if m:
        seg = seg[: m.start()]
    seg = seg.rstrip(" ,:-")
    return seg.strip()[:160], start + len(seg)


def extract(
    clauses: list[Clause],
    norm: str,
    flags: list[ClauseFlags],
    dates: list[DuePhrase],
) -> list[Candidate]:
    """Commitment candidates of every clause, in note order, each with its due phrase."""
    found: list[Candidate] = []
    last_subject: tuple[int, Party, str | None] | None = None  # (sentence, party, who)
    for ci, c in enumerate(clauses):
        t = norm[c.start : c.end]
        cands = _from_clause(t, c.start, ci, last_subject, c.sentence)
        for cand in cands:
            f = flags[ci]
            cand.conditional = cand.conditional or f.conditional
            cand.hedged = cand.hedged or f.hedged
            cand.earlier = f.earlier
            cand.due = _due_for(dates, cand.start, c.end, c.start)
            _classify(cand)
            last_subject = (c.sentence, cand.party, cand.who)
        found.extend(cands)
    return found


def _due_for(dates: list[DuePhrase], start: int, end: int, clause_start: int) -> DuePhrase | None:
    """The first future date phrase inside the commitment, else anywhere in its clause."""
    inside = [d for d in dates if d.start >= start and d.end <= end and not d.past]
    if inside:
        return inside[0]
    around = [d for d in dates if d.start >= clause_start and d.end <= end and not d.past]
    return around[0] if around else None


def _classify(cand: Candidate) -> None:
    action = _LEAD_WORDS.sub("", cand.action)
    if cand.party is Party.CUSTOMER:
        cand.stalling = bool(lx.STALL_ACTION.search(action))
        cand.advancing = not cand.stalling and bool(
            lx.ADVANCE_ACTION.search(action) or (cand.due and cand.due.due and not cand.due.vague)
        )


def _from_clause(
    t: str,
    offset: int,
    ci: int,
    last_subject: tuple[int, Party, str | None] | None,
    sentence: int,
) -> list[Candidate]:
    lead = _LEAD_WORDS.match(t)
    body_start = lead.end() if lead else 0
    body = t[body_start:]
    # Labelled to-do: "Dana - send specs", "Me: pricing by Fri".
    lab = lx.LABELLED.match(body)
    if lab:
        party, who = _who_party(lab.group("who"))
        if party is not None:
            a_start = body_start + lab.start("act")
            action, a_end = _action(t, a_start, len(t))
            return [Candidate(party, who, action, offset + body_start, offset + a_end, ci)]
    out: list[Candidate] = []
    mods = [m for m in lx.MODAL.finditer(t) if m.start() >= body_start]
    for k, m in enumerate(mods):
        if m.group("neg"):
            continue
        mod = m.group("mod").strip().lower()
        before = t[body_start : m.start()]
        subj = lx.SUBJECT_TAIL.search(before[-70:]) if before.strip() else None
        party: Party | None = None
        who: str | None = None
        s_start = body_start + len(before)
        inner = re.match(r"(?i)(?:said|confirmed)\s(\w+)", mod)
        if inner:  # "said she'd", "confirmed they'll": the subject sits inside the cue
            party, who = _who_party(inner.group(1))
            s_start = m.start()
            if party is Party.CUSTOMER and subj:
                p2, w2 = _who_party(subj.group("subj"))
                who = w2 if p2 is Party.CUSTOMER else None
        elif subj:
            party, who = _who_party(subj.group("subj"))
            s_start = body_start + len(before) - len(before[-70:]) + subj.start("subj")
        if mod == "to" and (party is None or before[: s_start - body_start].strip()):
            continue  # an infinitive, not "Dana to send specs"
        if party is None:
            if before.strip():
                if last_subject and last_subject[0] == sentence and not subj:
                    if re.search(r"(?i)\b(?:and|then|but)\s*$", before):
                        party, who = last_subject[1], last_subject[2]
                if party is None:
                    continue
            else:
                if mod in ("'ll", "will", "wil", "need to", "needs to", "must", "have to", "to"):
                    party, who = Party.REP, None  # "Will send pricing": the rep's note to self
                elif last_subject and last_subject[0] == sentence:
                    party, who = last_subject[1], last_subject[2]
                else:
                    continue
        if lx.NEED_MODAL.match(m.group("mod")) and party is Party.CUSTOMER:
            continue  # "they need to find budget" is their problem, not their promise
        if mod in ("would", "can", "could", "should") and party is Party.REP:
            continue
        nxt = [n for n in mods[k + 1 :] if n.group("neg") or n.group("mod").strip() != "to"]
        a_end_limit = nxt[0].start() if nxt else len(t)
        action, a_end = _action(t, m.end(), a_end_limit)
        if not action:
            continue
        cand = Candidate(party, who, action, offset + s_start, offset + a_end, ci)
        cand.hedged = bool(lx.HEDGE_MODAL.match(m.group("mod")))
        out.append(cand)
    if out:
        return out
    # Scheduled event without a promise verb: "Demo booked Tue", "we set up a call w/ CFO 3/12".
    ev = lx.EVENT_NOUN.search(t)
    agreed = lx.AGREED_EVENT.search(t)
    if ev and (agreed or _has_date_word(t)) and not _PAST_EVENT.search(t):
        subj = lx.SUBJECT_TAIL.search(t[: min(ev.start(), agreed.start() if agreed else ev.start())])
        who = None
        if subj:
            p, w = _who_party(subj.group("subj"))
            who = w if p is Party.CUSTOMER else None
        action, a_end = _action(t, body_start, len(t))
        return [Candidate(Party.CUSTOMER, who, action, offset + body_start, offset + a_end, ci)]
    if lx.TODO_START.match(body):
        action, a_end = _action(t, body_start, len(t))
        return [Candidate(Party.REP, None, action, offset + body_start, offset + a_end, ci)]
    return out


_DATE_WORD = re.compile(
    r"(?i)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|monday|tuesday|wednesday|thursday|friday"
    r"|tomorrow|tmrw|next\sweek|eow|\d{1,2}/\d{1,2}|\d{1,2}(?:st|nd|rd|th)|jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|sept|oct|nov|dec|in\s(?:two|2|three|3)\sweeks)\b"
)


def _has_date_word(t: str) -> bool:
    return bool(_DATE_WORD.search(t))


def is_today(d: DuePhrase, call: dt.date) -> bool:
    return d.due == call
