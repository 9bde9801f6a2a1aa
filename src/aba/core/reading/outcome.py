"""Decide the call's outcome (Rackham) and, for a continuation, why it stalls.

Order and no-sale cues only count when they report what happened in this call: not negated
("haven't signed"), not conditional ("if budget comes through they'll buy"), not hedged, not
future ("ready to sign"), and not from an earlier call. An advance needs a firm customer
commitment to an action that moves the sale toward a decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from aba.core.reading import cues
from aba.core.reading import lexicon as lx
from aba.core.reading.commitments import Candidate, Scopes
from aba.core.reading.sentences import Clause
from aba.core.reading.threads import Thread, rep_proposes
from aba.core.vocabulary import Outcome, Party, Stall

_NEG_BEFORE = re.compile(
    r"\b(?:not|no|never|haven't|hasn't|hadn't|didn't|don't|doesn't|won't|wouldn't|isn't|aren't"
    r"|wasn't|yet\sto|without|nor|can't|cannot|couldn't)\b(?:\s[\w']+){0,3}\s*$",
)
_NOT_AN_ORDER = re.compile(
    r"^(?:signed|sign(?:ed)?\son)\s(?:off\b|up\b|with\b|the\s(?:nda|loi|(?:pilot|poc|trial)(?!\sorder)|sow\sfor\sthe"
    r"\spilot)|an?\s(?:nda|loi)|nda|our\snda|the\smutual)",
)
_YET_AFTER = re.compile(r"[^.;]{0,25}\b(?:yet|not\syet)\b")
# An order only proposed, kept, asked about or stopped: "asked if he'd keep the standing order"
# (not "said he'd have it signed"), "I suggested bumping their standing order", "Cancelling the
# linen standing order"; or an order told as a habit: "she's ordered from us every Christmas
# since 2021".
_NOT_PLACED_BEFORE = re.compile(
    r"\b(?:cancel\w*|stop\w*|suggest\w*|propos\w*|pitch\w*|float\w*|keep|wants?\sa"
    r"|(?:if|whether)\s(?:he|she|they|i|we)'d)\b(?:\s[\w'-]+){0,3}\s*$"
)
_HABIT_AFTER = re.compile(r"[^.;]{0,40}\bsince\s(?:19|20)\d\d\b")  # not "reorder like every month"
_PAST_CALL = re.compile(
    r"\b(?:(?<!as\s)(?<!like\s)(?<!than\s)last\s(?:time|call|week|wk|month|meeting|visit|year)|previous|previously|ago|originally"
    r"|initially|back\sin|had\s(?:agreed|promised|said|committed)|prior|our\s(?:last|first)"
    r"|in\s(?:19|20)\d\d)\b"
)
_AGREEMENT_CUE = re.compile(r"(?:agreed|decided|committed|going|said|verbal|happy|ready|green)")
_BARE = re.compile(r"(?:signed|done|closed|inked|it's\sofficial)$")
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|our|their|his|her|it|\d)")
_DECLINED_TO = re.compile(r"^(?:declined|decline)\sto\b")
# "hasn't closed", "didn't cancel": a negation right before a no-sale cue (at most a word between)
_NEG_JUST_BEFORE = re.compile(
    r"\b(?:not|never|haven't|hasn't|hadn't|didn't|don't|doesn't|won't|wasn't|isn't|aren't)"
    r"\s(?:[\w']+\s)?$"
)
# A no-sale cue that is itself a refusal ("not interested", "no budget") keeps a "no" before it.
_NEG_IN = re.compile(r"(?:not|no|n't|won't|wont|don't|didn't|never|can't|cannot)\b")
_REFUSED = re.compile(
    r"\b(?:wouldn't|would\snot|won't|will\snot|didn't|did\snot|couldn't|could\snot|refused|"
    r"declined|not\sready|not\swilling|unwilling|can't|cannot)\s(?:\w+\s){0,2}(?:commit|agree"
    r"|book|schedule|set|give|do|take|start|sign|go)",
)


_AFTERMATH = re.compile(
    r"\b(?:debrief\w*|scor(?:e|es|ing)|feedback|lessons?|why\swe\slost|reasons?|evaluation\s"
    r"(?:report|summary|notes)|keep\sin\stouch|stay\sin\stouch|keep\s(?:us|me)\sin\smind"
    r"|return\w*|(?:send|ship|post|mail|courier|bring|brought|hand)\w*\s(?:\S+\s){0,4}back"
    r"|collect\w*|uplift\w*"
    # train31: what is left when a deal is lost ("post back the 3 demo sensors", "drop them in
    # at the office", "pay the outstanding survey invoice", "send written cancellation")
    r"|drop\w*\s(?:them|it)\s(?:in|off|back)|(?:pay|settl)\w*\s(?:\S+\s){0,3}(?:invoice|bill)"
    r"|cancel\w*|refund\w*|disconnect\w*|decommission\w*"
    # train32: "we will pick up the sample capsules", "she will leave them at the cellar door"
    r"|pick\w*\sup|picked\sup|leave\s(?:them|it)\b)\b"
)


class Cue(NamedTuple):
    """Where an order or no-sale cue sits in the note."""

    start: int
    end: int
    clause: int
    bare: bool = False  # a lone "signed"/"done": after a lost deal, it is the rival's paperwork


def _cues(
    found: list[re.Match[str]], low: str, clauses: list[Clause], flags: Scopes, kind: str
) -> list[Cue]:
    """Clauses where the cues `found` report what happened in this call (one cue per clause)."""
    out: list[Cue] = []
    if not found:
        return out
    starts = [c.start for c in clauses]
    for m in found:
        ci = bisect_right(starts, m.start()) - 1
        if ci < 0 or m.end() > clauses[ci].end or (out and out[-1].clause == ci):
            continue
        c = clauses[ci]
        f = flags[ci]
        # A lost deal is news whenever it happened ("they signed with X last week"); an order
        # only when it is not from an earlier call ("as promised, she sent the PO" is today's).
        # A condition binds a cue it comes before ("if the grant lands they'll buy") and an
        # agreement to buy ("agreed to buy the kit if the grant lands"), not a deed it follows
        # ("signed, with a clause that if planning is refused ...").
        if (
            f.conditional
            and (
                f.carried
                or _AGREEMENT_CUE.match(m.group())
                or "cond" in lx.scopes_in(low, c.start, m.start(), questions=False)
            )
        ) or (f.earlier and kind == "order" and _PAST_CALL.search(low, c.start, c.end)):
            continue
        before = low[max(c.start, m.start() - 40) : m.start()]
        after = low[m.start() : c.end]
        if kind == "order":
            if _NOT_AN_ORDER.match(after) or _YET_AFTER.match(low, m.end(), c.end):
                continue
            if _NOT_PLACED_BEFORE.search(before) or _HABIT_AFTER.match(low, m.end(), c.end):
                continue
            if _NEG_BEFORE.search(before) or cues.ORDER_FUTURE.search(before[-22:]):
                continue
        elif _DECLINED_TO.match(after) or (
            _NEG_JUST_BEFORE.search(before) and not _NEG_IN.match(after)
        ):
            continue  # "their funding round hasn't closed" is no lost deal
        if f.hedged and lx.HEDGE.search(before):
            continue
        bare = (
            kind == "order"
            and bool(_BARE.match(m.group()))
            and not _OBJECT_AFTER.match(low, m.end(), c.end)
        )  # "they went with X ... it's decided and signed": no object, the rival's paperwork
        out.append(Cue(c.start, c.end, ci, bare))
    return out


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    stall: Stall | None
    evidence: tuple[int, int] | None


def judge(
    low: str,
    clauses: list[Clause],
    flags: Scopes,
    cands: list[Candidate],
    found: dict[str, list[re.Match[str]]],
) -> Verdict:
    """The outcome, the stall and the span it rests on (`found`: the note-wide cues)."""
    no_sales = _cues(found["no_sale"], low, clauses, flags, "no_sale")
    orders = _cues(found["order"], low, clauses, flags, "order")
    current = [c for c in cands if not c.earlier]
    advances = [c for c in current if c.party is Party.CUSTOMER and c.advancing]
    # After a loss, a debrief or the scoring sheet is courtesy, not a step toward a sale.
    reopening = [a for a in advances if not _AFTERMATH.search(a.action.lower())]
    # A lost deal's notes often record the rep's last try or the competitor's signature, so a
    # no-sale cue outweighs an order cue or an advance unless those come after it.
    if (
        no_sales
        and not any(o.start > no_sales[-1].start and not o.bare for o in orders)
        and not any(a.start > no_sales[-1].end for a in reopening)
    ):
        last = no_sales[-1]
        return Verdict(Outcome.NO_SALE, None, (last.start, last.end))
    if orders:
        last = orders[-1]
        return Verdict(Outcome.ORDER, None, (last.start, last.end))
    if advances:
        a = advances[0]
        return Verdict(Outcome.ADVANCE, None, (a.start, a.end))
    customer = [c for c in current if c.party is Party.CUSTOMER]
    rep = [c for c in current if c.party is Party.REP and c.recorded]
    deciding = [c for c in customer if not c.passive]
    if deciding and not (rep and all(c.passive or not c.stalling for c in deciding)):
        first = deciding[0]
        return Verdict(Outcome.CONTINUATION, Stall.WAITING_ON_PROSPECT, (first.start, first.end))
    if rep:
        first = rep[0]
        return Verdict(Outcome.CONTINUATION, Stall.REP_FOLLOWUP_ONLY, (first.start, first.end))
    if customer:
        first = customer[0]
        # "send it and I'll have a look": their part is only to look at what we send
        stall = Stall.REP_FOLLOWUP_ONLY if not deciding else Stall.WAITING_ON_PROSPECT
        return Verdict(Outcome.CONTINUATION, stall, (first.start, first.end))
    for ci, cl in enumerate(clauses):
        if _REFUSED.search(low[cl.start : cl.end]) and not flags[ci].earlier:
            return Verdict(Outcome.CONTINUATION, Stall.NO_NEXT_STEP, (cl.start, cl.end))
    return Verdict(Outcome.CONTINUATION, Stall.NO_NEXT_STEP, None)


_ASKER = re.compile(r"(?:^|[.;:!?(\n-]\s*|\b(?:i|we|and|then|also|so|but|finally)\s)$")


def asked(low: str, outcome: Outcome, found: dict[str, list[re.Match[str]]]) -> bool:
    """Whether the rep asked for a commitment or for the order (on the lowercased note).

    An agreed advance or an order implies the rep asked, unless the note says the customer
    acted on their own; otherwise it takes an ask by the rep ("she asked for X" is not one).
    """
    return _rules_asked(outcome, found, _rep_asked(low, found))


def _rules_asked(outcome: Outcome, found: dict[str, list[re.Match[str]]], rep_asked: bool) -> bool:
    """`asked`, given whether an ask cue has the rep as its subject (`_rep_asked`)."""
    if found["not_asked"]:
        return False
    if outcome in (Outcome.ADVANCE, Outcome.ORDER):
        return not found["initiative"]
    return rep_asked


def _rep_asked(low: str, found: dict[str, list[re.Match[str]]]) -> bool:
    """An ask cue with the rep as its subject ("I asked for the PO", not "she asked for X")."""
    return any(_ASKER.search(low, max(0, m.start() - 12), m.start()) for m in found["asked"])


def ask_signals(
    low: str, outcome: Outcome, found: dict[str, list[re.Match[str]]], thread: Thread
) -> list[tuple[str, float]]:
    """What the asked model reads beside the note's words: the rules' answer and its cues, and
    whether the rep's own lines of a pasted chat propose a next step."""
    cue = _rep_asked(low, found)  # read once: the rules' answer and a signal of its own
    signals = [(f"ask:rule:{_rules_asked(outcome, found, cue)}", 3.0)]
    for key, hit in (
        ("not_asked", bool(found["not_asked"])),
        ("initiative", bool(found["initiative"])),
        ("cue", cue),
        ("anycue", bool(found["asked"])),
        ("chatq", rep_proposes(low, thread)),
    ):
        if hit:
            signals.append((f"ask:{key}", 1.0))
    return signals
