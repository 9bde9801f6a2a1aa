"""Who owes a commitment by name: "she" is the person last named, and the rep's own people.

A manager's summary names the rep ("AE (Dmitri) reports"): their promises are ours. So do a
note's head ("SDR note for Felipe:", "Handover to Sophie"), what only a seller does ("Kwame sends
the revised quote", "Mehmet will chase her") and a colleague told by name what to do ("Brandon,
call her next Wed"); in a note written to a colleague, "you" is that colleague. A pronoun takes
the name last mentioned before it ("Talked to Jess (buyer). She'll send ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from aba.core.reading import lexicon as lx
from aba.core.vocabulary import Party

if TYPE_CHECKING:
    from aba.core.reading.commitments import Candidate

_PERSON_CUE = re.compile(
    r"(?:(?:spoke|speak|talked|talk|met|meeting|mtg|call|chat|chatted|visited|rang|emailed"
    r"|contact|saw|lunch)\s(?:to\s|with\s|w/\s?|w\s)?|\bw/\s?|contact:\s|\+\s|&\s|and\s)"
    rf"(?:(?:{'|'.join(lx.NAME_TITLES)})\.?\s)?$",
    re.IGNORECASE,
)
_LOWER = "[a-zß-öø-ÿ\u0100-\u017f]"  # "Novák", "Kälin", "Wałęsa": Latin letters, accents too
# A name, "Dr Smith", "Hr. Gratzer" or "Dana Lee": one capital first, so the engine skips
# lowercase text fast; a title is told by the letters after that capital.
_NAME = re.compile(
    r"[A-Z](?<![\w'].)(?:"
    + "|".join(rf"(?<={t[0]}){t[1:]}\.?\s[A-Z]" for t in lx.NAME_TITLES)
    + rf")?{_LOWER}{{1,15}}(?:\s[A-Z]{_LOWER}{{1,15}})?"
)
_TITLE = re.compile(rf"(?:{'|'.join(lx.NAME_TITLES)})\.?\s(?=[A-Z])")
_TITLES = frozenset(lx.NAME_TITLES)
_FIRST_BEFORE = re.compile(r"(?<![\w'])([A-Z][a-z]{1,15})\s$")
_PRONOUN_START = re.compile(r"(?:she|he|her|him)\b", re.IGNORECASE)


# The rarer ways of naming our people, each tried only when one of its words is in the note.
_OTHER_ALIASES = (
    (
        (
            "'s deal",
            "'s opp",
            "'s account",
            "'s pipeline",
            "'s forecast",
            "'s territory",
            "'s patch",
            "'s quota",
            "'s commit",
        ),
        lx.REP_ALIAS_FOR,
    ),
    (("artner", "eseller", "istributor", "ealer", "gent"), lx.REP_ALIAS_CHANNEL),
    (("behalf",), lx.REP_ALIAS_BEHALF),
    (("@",), lx.REP_ALIAS_AT),
    (("log", "Log", "filed", "andover", "and-off", "andoff", "and over"), lx.REP_ALIAS_LOGGED),
    (("wner", "1:1", "1-1"), lx.REP_ALIAS_OWNER),
    (("anding", "anded", "overing", "asked me to"), lx.REP_ALIAS_HANDED),
)


def rep_aliases(norm: str) -> set[str]:
    """Names the note gives our own people: "AE (Dmitri)", "JB (our SE)", "Kofi's call with",
    "for Lena's deal", a reseller's "(Brightpath Systems, Naveen)"."""
    ours: set[str] = set()
    if lx.REP_ALIAS_HINT.search(norm):
        ours.update(m.group("a") for m in lx.REP_ALIAS_ROLE.finditer(norm))
    if "our " in norm or "my " in norm or "Our " in norm or "My " in norm:
        ours.update(m.group("a") for m in lx.REP_ALIAS_OUR.finditer(norm))
        for m in lx.REP_ALIAS_FROM_OUR.finditer(norm):
            name = lx.NAME_JUST_BEFORE.search(norm, max(0, m.start() - 17), m.start() + 1)
            if name and name.group(1).lower() not in lx.NOT_A_NAME:
                ours.add(name.group(1))
    if "ride" in norm or "rode" in norm or "sat in" in norm or "coach" in norm or "joint" in norm:
        ours.update(m.group("a") for m in lx.REP_ALIAS_RIDE.finditer(norm))
    for rx, caps in ((lx.REP_ALIAS_PAREN, True), (lx.REP_ALIAS_CALL, False)):
        for m in rx.finditer(norm):
            name = lx.NAME_BEFORE.search(norm, max(0, m.start() - 16), m.start())
            if name and (caps or name.group()[1:].islower()):
                ours.add(name.group())
                first = _FIRST_BEFORE.search(norm, max(0, name.start() - 17), name.start())
                if caps and first:  # "Thao Bui (SE)": Thao too
                    ours.add(first.group(1))
    if ("(" in norm and ("(us" in norm or "(Us" in norm or "(our" in norm or "(int" in norm)) or (
        "ur side" in norm or "rom us" in norm or "nternal:" in norm
    ):
        for m in lx.REP_ALIAS_LIST.finditer(norm):
            listed = re.sub(r"\([^)]*\)", "", m.group("list") or m.group("list2") or "")
            for name in lx.LISTED_NAME.finditer(listed):
                ours.update(n for n in name.groups() if n and n.lower() not in lx.NOT_A_NAME)
    head = lx.REP_ALIAS_NOTE_FOR.match(norm)
    if head and (head.group("a") or head.group("b")).lower() not in lx.NOT_A_NAME:
        ours.add(head.group("a") or head.group("b"))
    for hints, rx in _OTHER_ALIASES:
        if any(h in norm for h in hints):  # a literal check first: these are rare
            for m in rx.finditer(norm):
                ours.update(g for g in m.groups() if g and g.lower() not in lx.NOT_A_NAME)
    if " in " in norm or " from " in norm or " at " in norm or " on " in norm:
        for m in lx.SELLER_DEPT_HINT.finditer(norm):
            name = lx.REP_ALIAS_DEPT.search(norm, max(0, m.start() - 33), m.start())
            if name and name.group("a").lower() not in lx.NOT_A_NAME:
                ours.add(name.group("a"))
    if ("agreed" in norm or "accepted" in norm) and (
        "proposed" in norm or "pitched" in norm or "suggested" in norm or "offered" in norm
    ):
        for m in lx.REP_ALIAS_PROPOSER.finditer(norm):
            if m.group("a") != m.group("b") and m.group("a").lower() not in lx.NOT_A_NAME:
                ours.add(m.group("a"))
    return ours


# train38: a colleague named in a manager's or assistant's note, known by what they send: "Kwame
# sends the revised quote by Wednesday", "Rosalind is emailing the trade-in figures". A buyer
# sends our quote back signed, or on to their owner (`_ONWARD`).
_SELLER_DEED = re.compile(
    r"(?:to\s|will\s|'ll\s|is\s|'s\s)?(?:sends?|sending|emails?|emailing|e-mails?|resends?|issues?"
    r"|issuing|submits?|submitting)\s(?:(?:him|her|them|the\sclient|the\scustomer)\s)?(?:over\s)?"
    r"(?:the\s|a\s|an\s|our\s|updated\s|revised\s|new\s|final\s|written\s|formal\s|full\s)*"
    r"(?:[\w-]+\s){0,2}?(?:quote|quotation|proposal|pricing|prices|price\slist|costing"
    r"|case\sstud\w+|references|brochure|sow|order\sform|trade-in\sfigures|roi(?:\s[\w-]+)?"
    r"|cost\scomparison|one-pager|business\scase|tco|payback\s[\w-]+)\b"
)
# train39: chasing the customer is a seller's to do: "Mehmet will chase her in a fortnight"
_CHASER = re.compile(
    r"(?:to\s|will\s|'ll\s|is\s|'s\s)?(?:chases?|chasing)\s(?:her|him|them|the\s(?:client|customer"
    r"|buyer|prospect))\b"
)
# (someone else's quote passed on: "the dealer quote", "the install quote from the alarm co")
_ONWARD = re.compile(
    r"\b(?:signed|countersigned|back|on\sto|onto|from|dealer|supplier|vendor|insurance|contractor"
    r"|install|their|his|her|own|our)\b|\bto\s(?:the\s|their\s|his\s|her\s)?(?:owner|cfo|ceo|boss|board"
    r"|md|gm|director|partners?|committee|legal|finance|procurement|dad)\b"
)
_FIRST_NAME = re.compile(r"[A-Z][a-z]{1,15}(?:\s[A-Z][a-z'-]{1,20})?$")


def sellers_by_deed(found: list[Candidate], ours: set[str]) -> None:
    """Add to `ours` the people the note names sending what only a seller sends."""
    for cand in found:
        if (
            cand.party is Party.CUSTOMER
            and not cand.accepted  # "Otis agreed to send ...": theirs
            and cand.who
            and _FIRST_NAME.match(cand.who)
            and cand.who.split()[0].lower() not in lx.NOT_A_NAME
        ):
            action = cand.action.lower()
            if action.startswith(cand.who.lower()):  # "Mehmet will chase her"
                action = action[len(cand.who) :].lstrip()
            if (_SELLER_DEED.match(action) and not _ONWARD.search(action)) or _CHASER.match(action):
                ours.add(cand.who.split()[0])


_YOU = re.compile(r"(?:you|you're|you'd|you'll|you've)\b", re.IGNORECASE)


def addressed_to_ours(norm: str) -> bool:
    """Whether the note is written to one of ours ("For Ana, from Joaquín:", "Handover to
    Sophie"): its "you" is that colleague, not the customer."""
    return bool(
        lx.REP_ALIAS_NOTE_FOR.match(norm)
        or (("anding" in norm or "anded" in norm) and lx.REP_ALIAS_HANDED.search(norm))
    )


# train39: a colleague told what to do by name, outside the customer's words: "Brandon, call
# her next Wed", "Fred, I put a task in for you to call him Jan 6".
_TOLD_BY_NAME = re.compile(
    r"(?:^|(?<=[.!;\n])\s*|(?<=[.!;]\s))(?P<a>[A-Z][a-z]{1,15}),\s(?i:please\s|pls\s)?(?i:call|ring"
    r"|send|chase|email|phone|text|follow\sup|book|drop|i've\sput|i\sput|i've\sset|can\syou\s(?:call"
    r"|ring|chase|send|follow))\b",
    re.MULTILINE,
)


_TOLD_HINTS = frozenset({
    ", call", ", ring", ", send", ", chase", ", email", ", phone", ", text", ", follow", ", book",
    ", drop", ", i've", ", i put", ", can you", ", please", ", pls",
})  # fmt: skip


def told_by_name(
    found: list[Candidate], norm: str, low: str, theirs: Callable[[int], bool]
) -> None:
    """A step the note tells a colleague by name to take is ours (never in the customer's own
    words, where "Dario, can you send..." is their own people). `low`: the note lowercased."""
    if not any(h in low for h in _TOLD_HINTS):  # a literal check first: this is rare
        return
    for m in _TOLD_BY_NAME.finditer(norm):
        name = m.group("a")
        if theirs(m.start("a")) or name.lower() in lx.NOT_A_NAME:
            continue
        for cand in found:
            if cand.party is Party.CUSTOMER and m.start() <= cand.start <= m.end():
                cand.party, cand.who = Party.REP, name
                cand.advancing = cand.stalling = cand.passive = False


def you_the_colleague(found: list[Candidate], norm: str, theirs: Callable[[int], bool]) -> None:
    """In a note to a colleague, "you're taking over", "I said you'd send it by Wednesday" are
    the colleague's steps (outside the customer's own words, where "you" is us as well)."""
    for cand in found:
        if (
            cand.party is Party.CUSTOMER
            and not cand.who
            and _YOU.match(norm, cand.start)
            and not theirs(cand.start)
        ):
            cand.party = Party.REP
            cand.advancing = cand.stalling = cand.passive = False


def our_people(found: list[Candidate], ours: set[str]) -> None:
    """A manager's note names the rep ("AE (Dmitri) reports"): their promises are the rep's.

    `ours` are the names `rep_aliases` found in the note.
    """
    if not found or not ours:
        return
    for cand in found:
        if cand.who and cand.who.split()[0] in ours:
            cand.party = Party.REP
            cand.advancing = cand.stalling = cand.passive = False


def resolve_who(found: list[Candidate], norm: str, ours: set[str]) -> None:
    """ "She'll send it": who is the person last named before, when the note names one.

    Our own people (`ours`: the rep a manager rode with) are never the customer's "she".
    """
    last = max(
        (
            c.start
            for c in found
            if c.party is Party.CUSTOMER
            and not c.who
            and (c.accepted or _PRONOUN_START.match(norm, c.start))
        ),
        default=-1,
    )
    if last < 0:
        return  # nobody to name: skip the scan
    people: list[tuple[int, str]] = []
    for m in _NAME.finditer(norm, 0, last):  # only names before the last one to resolve
        title = _TITLE.match(m.group())
        word = m.group()[title.end() if title else 0 :].split(None, 1)[0]
        if word.lower() in lx.NOT_A_NAME:
            continue
        before = norm[max(0, m.start() - 16) : m.start()]
        after = norm[m.end() : m.end() + 2]
        if ours and word in ours:
            continue
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
    if parts and parts[0].rstrip(".") in _TITLES:
        return " ".join(parts[:2])
    return parts[0] if parts else name
