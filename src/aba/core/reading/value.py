"""Did the call give the customer something, and what did the rep learn?

A call earns the next meeting by being worth the customer's time: teaching them something
(learning), solving a problem for them (serving), working out an idea together (creating), or
connecting them to people and resources beyond the sale (extending).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from aba.core.reading.fastrx import regroup, unwrap
from aba.core.vocabulary import ValueKind

_KINDS: tuple[tuple[ValueKind, re.Pattern[str]], ...] = (
    (
        ValueKind.LEARNING,
        re.compile(
            r"\b(?:shared|showed|show(?:ed)?\sthem|walked\s(?:them|her|him)\sthrough|taught"
            r"|explained|pointed\sout|insight|insights|benchmark|benchmarks|best\spractices?"
            r"|case\sstud(?:y|ies)|data\son|research|trends?|eye[- ]open(?:er|ing)|hadn't"
            r"\sconsidered|had\snot\sconsidered|didn't\sknow|did\snot\sknow|wasn't\saware"
            r"|were\snot\saware|weren't\saware|new\sto\s(?:them|her|him)|learned\sa\slot"
            r"|lightbulb|light\sbulb|aha|reframed|reframe|opened\s(?:their|her|his)\seyes"
            r"|comparison|analysis|industry\sdata|how\sothers|how\speers|peers\sare)\b",
        ),
    ),
    (
        ValueKind.SERVING,
        re.compile(
            r"\b(?:helped|help\s(?:them|her|him)|fixed|resolved|solved|sorted|troubleshot"
            r"|troubleshooting|unblocked|got\s(?:them|her|him)\s(?:access|a\sfix|sorted)"
            r"|escalated|expedited|set\s(?:them|her|him)\sup|configured|cleaned\sup|found\sa"
            r"\sworkaround|workaround|answered\s(?:all\s)?(?:their|her|his)|saved\s(?:them|her"
            r"|him)|support\sticket|credit(?:ed)?|refund(?:ed)?|on\sthe\sspot)\b",
        ),
    ),
    (
        ValueKind.CREATING,
        re.compile(
            r"\b(?:together\swe|we\s(?:sketched|mapped|brainstormed|designed|worked\sout"
            r"|came\sup\swith|built|drafted|whiteboarded|figured\sout)|co-?creat\w*|co-?design"
            r"\w*|brainstorm\w*|whiteboard\w*|jointly|sketched\s(?:out\s)?(?:a|an|the)"
            r"|mapped\sout|came\sup\swith|worked\sout\s(?:a|an|the)|new\sidea|idea\sof"
            r"|(?:her|his|their)\sidea|built\s(?:a|the)\s(?:business\scase|roi|plan)\stogether)\b",
        ),
    ),
    (
        ValueKind.EXTENDING,
        re.compile(
            r"\b(?:introduced\s(?:them|her|him)|intro(?:duced)?\sto\s(?:a|another|one\sof)"
            r"|connected\s(?:them|her|him)|put\s(?:them|her|him)\sin\s(?:touch|contact)"
            r"|referr(?:ed|al)|user\sgroup|community|peer\scall|reference\scustomer"
            r"|invited\s(?:them|her|him)\sto|another\scustomer|other\scustomers)\b",
        ),
    ),
)
LEARNED = re.compile(
    r"\b(?:learn(?:ed|t)|found\sout|discovered|turns\sout|turned\sout|realised|realized"
    r"|(?:she|he|they)\s(?:told\sme|mentioned|said|shared|explained|admitted|confirmed|revealed)"
    r"|mentioned|uncovered|key\s(?:pain|issue|concern|driver)|pain\spoints?|main\s(?:pain|issue"
    r"|concern|driver)|budget\s(?:is|of|around)|decision\s(?:by|maker|is)|their\s(?:pain|issue"
    r"|problem|concern|priority|timeline|budget|process)\s(?:is|are))\b[\s:,]*(?:that\s)?",
)
_NEGATED_VALUE = re.compile(
    r"\b(?:didn't|did\snot|couldn't|could\snot|never|no)\s(?:\w+\s)?(?:help|share|show|fix"
    r"|insight|value)",
)


# Figures: "40 trucks", "$2k", "~30", "3 per shift". Every match starts with a character of one
# class, which the engine skips to at once: 3-4x faster than trying each branch everywhere.
NUMBERS = re.compile(
    r"[\d$£€~](?:(?<=\d)\d*\s?(?:%|k\b|hrs?\b|hours|days|min|x\b|people|staff|stores|sites"
    r"|lines|units|trucks|beds|offices|users|seats|homes|vehicles)|(?<=[$£€])\s?\d|(?<=~)\s?\d"
    r"|(?<=\d)\d*\s?(?:per|a|/)\s?(?:day|week|wk|month|shift|year|yr))"
)
PAIN = re.compile(
    r"\b(?:pain|problem|issue|issues|complain\w*|costing|losing|waste\w*|errors?|fail\w*"
    r"|downtime|slow|manual\w*|by\shand|drowning|killing|nightmare|bottleneck|leak\w*"
    r"|frustrat\w*|worried|concern\w*|struggl\w*|risk|chargebacks|overtime|unhappy|wary"
    r"|stretched|retyped|jams?|breakdowns?|outages?|near-miss\w*|complaints?)\b"
)
SUBSTANCE = re.compile(
    r"\b(?:showed|walked\s(?:him|her|them)|went\sthr\w*|went\sthru|demo'd|demoed|explained"
    r"|shared|benchmark\w*|talked\s(?:\w+\s)?through|talked\s(?:\w+\s)?thru|diagnos\w*|fixed"
    r"|sorted\sit|solved|answered|helped|analysis|roi|insight|case\sstud\w*|mapped|sketched"
    r"|together|whiteboard\w*|learned|learnt|found\sout|turns\sout|told\sme|background"
    r"|criteria|process|who\ssigns|decision\smaker|dm)\b"
)
STATUS_ONLY = re.compile(
    r"\b(?:voicemail|vm|lvm|left\s(?:a\s)?(?:msg|message)|no[- ]show|didn't\sshow|didnt\sshow"
    r"|out\son\sleave|on\svacation|courtesy|just\schecking|routine|nothing\s(?:new|else|to"
    r"\sreport)|all\sgood|all\sfine|no\sissues)\b"
)


# All four kinds in one scan; the kind of a match is then told by the patterns one by one.
ANY_KIND = re.compile(
    r"\b(?:" + regroup("|".join(unwrap(rx.pattern)[1] for _, rx in _KINDS)) + r")\b"
)
Matches = dict[str, list[re.Match[str]]]  # note-wide cues by lexicon name (see features.py)


def given(low: str, advanced: bool, cues: Matches) -> bool:
    """Whether the call was worth the customer's time, or taught the rep something real.

    Numbers about their business, a pain, a demonstration or explanation, or a long account of
    the call all say so; a voicemail or a status check does not. An agreed advance almost always
    rests on value given, so it counts.
    """
    if advanced:
        return True
    if len(low) < 200 and cues["status"]:
        return False
    return len(low) > 220 or bool(cues["pain"] or cues["substance"] or NUMBERS.search(low))


def kinds_in(text: str, cues: Matches) -> tuple[ValueKind, ...]:
    """The kinds of value a (lowercased) note reports giving, in a fixed order."""
    if not cues["kind"]:
        return ()  # the common case: no kind, and no negation to strip
    found_at: list[re.Match[str]] = cues["kind"]
    if _NEGATED_VALUE.search(text):
        text = _NEGATED_VALUE.sub(" ", text)
        found_at = list(ANY_KIND.finditer(text))
    found: set[ValueKind] = set()
    for m in found_at:
        found.update(kind for kind, rx in _KINDS if kind not in found and rx.match(text, m.start()))
        if len(found) == len(_KINDS):
            break
    return tuple(kind for kind, _ in _KINDS if kind in found)


def learned_in(text: str, spans: list[tuple[int, int]], cues: Matches) -> tuple[str, ...]:
    """Short phrases of what the rep learned: one scan of the (lowercased) note, then per clause.

    `spans` are the clauses' [start, end) offsets, in order; a clause gives its first phrase.
    """
    out: list[str] = []
    if not spans:
        return ()
    starts = [s for s, _ in spans]
    last_clause = -1
    for m in cues["learned"]:
        ci = bisect_right(starts, m.start()) - 1
        if ci < 0 or ci == last_clause or m.start() >= spans[ci][1]:
            continue
        last_clause = ci
        c_start, c_end = spans[ci]
        rest = text[min(m.end(), c_end) : c_end].strip(" ,:;-")
        phrase = (rest or text[c_start:c_end]).strip()
        words = phrase.split()
        if len(words) > 14:
            phrase = " ".join(words[:14])
        if phrase and phrase not in out:
            out.append(phrase)
        if len(out) >= 5:
            break
    return tuple(out)
