"""Kinds of advance, recognised by keywords in roadmap lines, commitments, plans and notes.

Teams write their own roadmap and reps write plans in their own words, so coaching compares
advances by kind ("a demo", "a pilot", "the CFO") rather than by exact text.
"""

from __future__ import annotations

import re
from enum import StrEnum

_I = re.IGNORECASE


class AdvanceKind(StrEnum):
    DISCOVERY = "discovery"
    DECISION_MAKER = "decision_maker"
    REQUIREMENTS = "requirements"
    DEMO = "demo"
    TRIAL = "trial"
    SECURITY_REVIEW = "security_review"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    SIGNATURE = "signature"
    ORDER = "order"


_WORDS: dict[AdvanceKind, str] = {
    AdvanceKind.SIGNATURE: r"sign(?:s|ed|ing|ature)?|contract|countersign\w*|e-?sign\w*",
    AdvanceKind.ORDER: r"p\.?o\.?|purchase\sorder|(?:re-?)?order(?:s|ed)?|place\s(?:the|an)\sorder",
    AdvanceKind.NEGOTIATION: r"procurement|negotiat\w*|commercial\sterms|redlines?|legal\sreview"
    r"|(?:price|pricing)\s(?:terms|discussion)",
    AdvanceKind.PROPOSAL: r"proposals?|quotes?|quotation|sow|statement\sof\swork|pricing",
    AdvanceKind.SECURITY_REVIEW: r"security|infosec|it\sreview|technical\sreview|questionnaire"
    r"|architecture\sreview|compliance|soc\s?2|dpa",
    AdvanceKind.TRIAL: r"trials?|pilots?|poc|proof\sof\sconcept|sandbox",
    AdvanceKind.DEMO: r"demos?|demonstration|walk-?through|product\stour",
    AdvanceKind.DECISION_MAKER: r"decision[- ]makers?|budget\sholders?|economic\sbuyer|cfo|ceo|cio"
    r"|cto|coo|cmo|cro|vp|vice\spresident|head\sof|(?:his|her|their)\sboss|exec(?:utive)?s?"
    r"|sponsor|managing\sdirector|owner\sof\sthe\sbudget",
    AdvanceKind.REQUIREMENTS: r"requirements?|specs?|specifications?|sample\sdata"
    r"|data\s(?:set|sample|export)|use\scases?|success\scriteria|rfp",
    AdvanceKind.DISCOVERY: r"discovery|intro(?:duction|ductory)?\s(?:call|meeting)|first\smeeting"
    r"|exploratory",
}
_PATTERNS: dict[AdvanceKind, re.Pattern[str]] = {
    k: re.compile(rf"\b(?:{w})\b", _I) for k, w in _WORDS.items()
}
_PAST = re.compile(
    r"\b(?:had|held|did|ran|gave|after|during|completed|finished|delivered|attended|wrapped)\s"
    r"(?:(?:up\s|the|a|an|our|their|her|his|my|full|first|second|quick|great|good|\w+'s)\s){0,3}",
    _I,
)
_PAST_BEFORE = re.compile(_PAST.pattern + r"$", _I)
_PAST_AFTER = re.compile(
    r"^\W{0,2}(?:\w+\s){0,2}(?:went|was|were|is\sdone|done|happened|completed|finished|ran|took"
    r"\splace|wrapped)\b",
    _I,
)


def kinds_of(text: str) -> frozenset[AdvanceKind]:
    """Every kind of advance a piece of text talks about."""
    return frozenset(k for k, rx in _PATTERNS.items() if rx.search(text))


def primary_kind(text: str) -> AdvanceKind | None:
    """The one kind a roadmap advance is about: the latest in the sale it mentions.

    "Proposal review meeting with the decision maker" is a proposal step, not an introduction.
    """
    for kind in _WORDS:  # ordered from the end of the sale backwards
        if _PATTERNS[kind].search(text):
            return kind
    return None


def past_kinds_in_notes(notes: str) -> frozenset[AdvanceKind]:
    """Kinds of advance the notes report as already held ("had the demo", "the pilot went well")."""
    found: set[AdvanceKind] = set()
    for kind, rx in _PATTERNS.items():
        for m in rx.finditer(notes):
            before = notes[max(0, m.start() - 40) : m.start()]
            if _PAST_BEFORE.search(before) or _PAST_AFTER.match(notes[m.end() : m.end() + 30]):
                found.add(kind)
                break
    return frozenset(found)
