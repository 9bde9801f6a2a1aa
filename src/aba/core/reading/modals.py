"""Promise cues: modals, progressives and present tenses that announce an action.

Matched on the lowercased note; one flat, literal-first alternation keeps the scan fast.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from aba.core.reading.fastrx import regroup, split_top


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Progressives that announce an action ("she's sending it tmrw"), not a state ("they're
# running 11 lines").
COMMIT_ING = (
    r"(?:sending|bringing|booking|setting\sup|arranging|organi[sz]ing|getting\s(?:me|us|the|his"
    r"|her|their|a)|putting|taking|raising|issuing|introducing|intro'ing|introing|looping|inviting|scheduling"
    r"|hosting|joining|coming|presenting|emailing|forwarding|sharing|pulling|confirming|signing"
    r"|shipping|calling|ringing|drafting|preparing|starting|kicking|returning|ordering"
    r"|submitting|completing|filling|writing|sorting|chasing|reviewing|evaluating|discussing"
    r"|checking|dropping|delivering|visiting|swinging|popping|testing|trialling|trialing|piloting)"
)
# A future or agreed action, matched where the action's verb begins after it.
_NEG_MODALS = (
    "won't", "wont", "will not", "wouldn't", "would not", "isn't going to", "aren't going to",
    "not going to", "refused to", "declined to", "didn't agree to", "did not agree to",
    "couldn't commit to", "could not commit to", "wouldn't commit to", "would not commit to",
    "not ready to", "not willing to", "unwilling to", "can't", "cannot", "can not",
)  # fmt: skip
_PLAIN_MODALS = (
    "will try to", "will", "wil", "shall", "gonna", "is going to", "are going to", "am going to",
    "going to", "am to", "has agreed to", "has agreed", "have agreed to", "have agreed",
    "agreed to", "agreed", "committed to", "commits to", "promised to", "promised", "promises to",
    "offered to", "volunteered to", "agree to", "agred to", "aggreed to", "happy to",
    "promise to", "said yes to", "says yes to", "okayed", "ok'd", "signed off on", "green-lit",
    "greenlit", "gave the go-ahead for", "gave the green light to", "is up for", "are up for",
    "needs to", "need to", "have to", "has to",
    "must",
    "should", "would rather", "would", "can", "could", "might", "may", "wants to", "want to",
    "plans to", "plan to", "hopes to", "hope to", "intends to", "expects to", "to",
)  # fmt: skip
_PRESENT = (
    "sends", "brings", "books", "shares", "hosts", "confirms", "raises", "emails", "arranges",
    "organises", "organizes", "introduces", "returns", "submits", "pays", "forwards", "ships",
    "drops", "delivers", "visits", "presents", "calls", "gives", "answers", "reverts", "decides",
    "takes", "joins", "invites", "picks", "chooses", "comes", "mails",
)  # fmt: skip
# "the new owner takes over 12/1", "it takes a while": a present that plans nothing.
_NOT_AN_ACT = re.compile(r"takes\s(?:over|place|time|effect|a\swhile|ages|long|the\sview|care)\b")
# Note-speak drops the auxiliary: "Rahul sending floor plans Thu" (a promise only with a date).
_BARE_ING = (
    "sending", "bringing", "booking", "sharing", "emailing", "forwarding", "hosting",
    "arranging", "organising", "organizing", "introducing", "returning", "submitting", "chasing",
    "calling", "ringing", "visiting", "drafting", "preparing", "dropping", "delivering",
    "swinging", "popping", "presenting", "testing", "trialling", "trialing", "piloting",
    "doing", "sorting", "calculating",
)  # fmt: skip
_AUX_BEFORE = (
    "'s ", "'re ", "'m ", " is ", " are ", " am ", " was ", " were ", " be ", " been ", "also ",
    "just ", "now ", "not ", "i ", "we ", " hes ", " shes ", " theyre ", " im ",
)  # fmt: skip
_AFTER_I = (
    "send", "owe", "ship", "bring", "email", "call", "book", "drop", "visit", "check",
    "share", "prepare", "draft", "update", "return", "deliver", "arrange", "submit", "chase",
    "calculate", "do", "make", "write", "sort",
)  # fmt: skip
_AFTER_SAID = ("send", "email", "get", "give", "drop", "call", "ring")
# Second-language notes put the future in the present: "they give us answer Friday"
_AFTER_THEY = ("send", "give", "bring", "come", "call", "get", "decide", "mail")


_SP = r"\s"
_ACTION = (
    r"(?:send|share|email|call|ring|phone|book|set|schedule|arrange|organi[sz]e|confirm|review"
    r"|sign|introduce|bring|provide|pull|loop|draft|prepare|update|follow|attend|host|run|test"
    r"|check|chase|invite|forward|pay|raise|issue|return|complete|fill|submit|deliver|ship"
    r"|install|visit|come|join|meet|present|take|put|find|look|reply|decide|revert|circle"
    r"|touch|reach|contact|start|write|speak|talk|discuss|ask|make|give|hold|rework|drop|pick"
    r"|swing|stop|pop|dial|text|ping|get|trial|order|buy)\b"
)


def _alts(words: tuple[str, ...], suffix: str = "") -> str:
    return "|".join(w.replace(" ", r"\s") + suffix for w in words)


_VERBS = frozenset(_PRESENT + _AFTER_I + _AFTER_SAID + _BARE_ING)
# "he said (just / sure / ok) send it": the words clause_reader._SAID_BEFORE reads the same way
_SAID = tuple(
    f"{verb} {word}"
    for verb in ("said", "says")
    for word in ("", "just ", "sure ", "sure, ", "ok ", "ok, ", "okay ", "okay, ", "yes ", "yes, ")
    + ("fine ", "fine, ")
)
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:the|in|of|by|early|mid|late|since|until|till|before|after)|\d)\s$"
)
_DAY_AFTER = re.compile(r"\s?\d")
_NEG_SET = frozenset(w + " " for w in _NEG_MODALS)
# Every branch starts with a literal character. Regrouped by first character, the engine tries
# only the branches that start with the one it is on; those that start with a letter must also
# start a word, which rejects the inside of words at once. The kind of cue is checked in Python.
_CUES = split_top(
    rf"{_alts(tuple(sorted(_NEG_MODALS, key=len, reverse=True)), _SP)}"
    r"|'ll\s|'s\sgoing\sto\s|'re\sgoing\sto\s|'m\sgoing\sto\s|'d\srather\s"
    r"|said\s(?:she|he|they|i|we)(?:'d|\swould|\swill|'ll)\s(?!rather|like|love|prefer)"
    r"|confirmed\s(?:she|he|they|we)(?:'d|\swould|\swill|'ll)\s"
    rf"|{_alts(_PLAIN_MODALS, _SP)}"
    rf"|'s\s(?:also\s|just\s|now\s)?(?={COMMIT_ING}\s)|'re\s(?:also\s|just\s|now\s)?"
    rf"(?={COMMIT_ING}\s)|'m\s(?:also\s|just\s|now\s)?(?={COMMIT_ING}\s)"
    rf"|is\s(?:also\s|just\s|now\s)?(?={COMMIT_ING}\s)|are\s(?:also\s|just\s|now\s)?"
    rf"(?={COMMIT_ING}\s)|am\s(?:also\s|just\s|now\s)?(?={COMMIT_ING}\s)"
    r"|'d\s(?!rather|like|love|prefer|been|be\s|have\s|[a-z]+ed\b|(?:had|spoken|gone|done|seen"
    r"|taken|given|written|sent|told|heard|met|left|got|gotten|made|said|bought|brought|thought"
    r"|forgotten|found|known|shown|already|never|just\s(?:had|sent|got|left))\b)(?=[a-z])"
    rf"|{_alts(tuple(sorted(_VERBS, key=len, reverse=True)), _SP)}"
    rf"|they\s(?:{_alts(_AFTER_THEY)})\s"  # found with their subject: "get", "come" are common
)
_WORD_CUES = "|".join(c for c in _CUES if not c.startswith("'"))
_APOSTROPHE_CUES = "|".join(c[1:] for c in _CUES if c.startswith("'"))
_MODAL_RX = re.compile(rf"\b(?:{regroup(_WORD_CUES)})|'(?:{_APOSTROPHE_CUES})")


# Phone-typed notes drop the apostrophe: "theyll send", "hes sending", "Ill rework the quote".
# Found apart (they need the next word to tell "shell"/"ill"/"shed" from nouns) and read as the
# contraction: the cue starts after the pronoun, so the pronoun stays the subject before it.
_BARE_CONTRACTION = re.compile(
    r"\b(?:(i|he|she|they|you)(ll)\s(?=(?:be|have|let|try|get|do)\s|" + _ACTION + r")"
    r"|(i|he|she|they)(d)\s(?=" + _ACTION + r")"
    r"|(he|she)(s)\s(?=" + COMMIT_ING + r"\s)|(they)(re)\s(?=" + COMMIT_ING + r"\s)"
    r"|(i)(m)\s(?=" + COMMIT_ING + r"\s))"
)
_CONTRACTION_HINT = re.compile(r"\b(?:i(?:ll|d|m)|s?he(?:ll|d|s)|they(?:ll|d|re)|youll)\s")
# Every hint holds one of these, each led by a literal the engine skips to at once: three of
# them cost a third of the hint's own scan (word boundaries are tried at every character), and
# they fail on 94% of notes, so the hint is seldom needed.
_HINT_GATES = (
    re.compile(r"i(?<!\wi)(?:ll|d|m)\s"),
    re.compile(r"he(?:ll|d|s|yll|yd|yre)\s"),  # he, she, they
    re.compile(r"youll\s"),
)


class Modal(NamedTuple):
    """A promise cue: `mod` is the modal's words ("" when the action's verb starts at once)."""

    start: int
    end: int
    mod: str
    neg: bool


def find_modals(low: str, start: int, end: int, limit: int) -> list[Modal]:
    """Modal cues in low[start:end] (lowercased text), at most `limit`, in order."""
    out: list[Modal] = []
    for m in _MODAL_RX.finditer(low, start, end):
        s = m.start()
        g = m.group()
        prev = low[s - 1] if s else " "
        if g[0] != "'" and (prev.isalnum() or prev == "'"):
            continue  # inside a word: "into", "pecan"
        word = g.strip()
        if word == "may" and (
            _MONTH_BEFORE.search(low, max(0, s - 12), s) or _DAY_AFTER.match(low, m.end())
        ):
            continue  # "after the May board", "by 14 May", "May 3rd": the month
        if word.startswith("they "):  # "they give us answer på fredag": the verb is the cue
            out.append(Modal(s + 5, s + 5, "", False))
        elif word in _VERBS:
            before = low[max(0, s - 10) : s]
            # after a word, or a name's bracket: "Jess (ops) sends"
            after_word = prev == " " and s > 1 and (low[s - 2].isalpha() or low[s - 2] == ")")
            if word in _AFTER_SAID and before.endswith(_SAID):
                out.append(Modal(s, s, "", False))  # "he said send him the deck"
            elif word in _AFTER_I and (before.endswith((" i ", " we ")) or before in ("i ", "we ")):
                out.append(Modal(s, s, "", False))  # "i send the BAA tmrw"
            elif (
                word in _PRESENT
                and after_word
                and not _NOT_AN_ACT.match(low, s)
                and (word != "comes" or low.startswith("back ", m.end()))
            ):  # (not "our engineer comes for the measurement", but "she comes back to me")
                out.append(Modal(s, s, "", False))  # "Jess sends me the data tmrw"
            elif word in _BARE_ING and after_word and not (" " + before).endswith(_AUX_BEFORE):
                out.append(Modal(s, s, "", False))  # "Rahul sending floor plans Thu"
        else:
            out.append(Modal(s, m.end(), g, g in _NEG_SET))
        if len(out) >= limit:
            break
    gate_i, gate_he, gate_you = _HINT_GATES
    if (
        gate_i.search(low, start, end)
        or gate_he.search(low, start, end)
        or gate_you.search(low, start, end)
    ) and _CONTRACTION_HINT.search(low, start, end):
        bare = [
            Modal(m.start(k + 1), m.end(), f"'{m.group(k + 1)} ", False)
            for m in _BARE_CONTRACTION.finditer(low, start, end)
            for k in range(1, 10, 2)
            if m.group(k + 1)
        ]
        if bare:
            out = sorted(out + bare)[:limit]
    return out


# Modals that only express a hedge or an obligation of the rep's own, never a firm promise.
HEDGE_MODAL = _rx(
    r"^(?:could|might|may|should|would|can|will\stry\sto|wants?\sto|plans?\sto|hopes?\sto"
    r"|intends?\sto|expects?\sto|'d\srather|would\srather)\s$"
)
NEED_MODAL = _rx(r"^(?:needs?\sto|have\sto|has\sto|must)\s$")
