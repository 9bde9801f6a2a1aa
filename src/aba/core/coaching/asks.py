"""Words to ask for the advance: phrasings per stall reason and stage, with the specifics in.

Each phrasing asks for one customer action and a date, respectfully: it offers a choice of
when, names the step, and leaves room for an honest "not now" (which is worth knowing too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from aba.core.coaching.kinds import AdvanceKind
from aba.core.coaching.next_advance import NextAdvance, day, proposed_dates
from aba.core.coaching.situation import OpportunitySituation
from aba.core.vocabulary import BuyingRole, Party, Reason

# The customer action to ask for, per kind of advance, as it follows "could we" / "could you".
ASK_ACTION: dict[AdvanceKind, str] = {
    AdvanceKind.DISCOVERY: "set aside 30 minutes on {date} or {alt} to walk me through how you "
    "handle this today",
    AdvanceKind.DECISION_MAKER: "bring {dm} into a 30-minute conversation on {date} or {alt}",
    AdvanceKind.REQUIREMENTS: "send over your requirements, or a sample of the data, by {date}",
    AdvanceKind.DEMO: "get {stakeholders} together for a demo on {date} or {alt}",
    AdvanceKind.TRIAL: "start a pilot on {date}, with success criteria we agree together",
    AdvanceKind.SECURITY_REVIEW: "start the security review by {date}, with whoever runs it on "
    "your side",
    AdvanceKind.PROPOSAL: "book an hour on {date} or {alt} to go through the proposal with {dm}",
    AdvanceKind.NEGOTIATION: "bring procurement into a call on {date} or {alt} to settle the terms",
    AdvanceKind.SIGNATURE: "have the agreement signed by {date}",
    AdvanceKind.ORDER: "place the next order by {date}",
}
# The same step without a date, for phrasings that already propose one.
_GOAL: dict[AdvanceKind, str] = {
    AdvanceKind.DISCOVERY: "explore this together",
    AdvanceKind.DECISION_MAKER: "bring {dm} in",
    AdvanceKind.REQUIREMENTS: "share your requirements",
    AdvanceKind.DEMO: "see a demo with {stakeholders}",
    AdvanceKind.TRIAL: "start a pilot",
    AdvanceKind.SECURITY_REVIEW: "start the security review",
    AdvanceKind.PROPOSAL: "review the proposal with {dm}",
    AdvanceKind.NEGOTIATION: "settle the commercial terms",
    AdvanceKind.SIGNATURE: "sign the agreement",
    AdvanceKind.ORDER: "place the next order",
}
_MIN_ACTION: dict[AdvanceKind, str] = {
    AdvanceKind.DISCOVERY: "give me 20 minutes on {date}",
    AdvanceKind.DECISION_MAKER: "tell me who else decides, and ask them to join us on {date}",
    AdvanceKind.REQUIREMENTS: "send one example of what you need by {date}",
    AdvanceKind.DEMO: "tell me who should see the demo, and hold {date} for it",
    AdvanceKind.TRIAL: "agree the pilot's success criteria with me on {date}",
    AdvanceKind.SECURITY_REVIEW: "send me the security questionnaire by {date}",
    AdvanceKind.PROPOSAL: "walk through the proposal with me on {date}",
    AdvanceKind.NEGOTIATION: "introduce me to your procurement contact by {date}",
    AdvanceKind.SIGNATURE: "confirm who signs and what they need, by {date}",
    AdvanceKind.ORDER: "confirm the quantity and the date of the next order by {date}",
}

# Per reason: (when this applies, phrasings). {action} is the best advance, {min_action} the
# minimum, {date}/{alt} two concrete days, {prep} a day for the rep's own preparation.
PHRASES: dict[Reason, tuple[str, tuple[str, ...]]] = {
    Reason.ORDER_NOT_ASKED: (
        "A re-order account and the last call did not ask for the order.",
        (
            "{first}, shall I put your next order through now, so it arrives by {date}?",
            "Would you like to place the next order today for delivery on {date}, or would {alt} "
            "suit you better?",
            "Is there anything stopping us from confirming your next order this week, for {date}?",
        ),
    ),
    Reason.WAITING_ON_PROSPECT: (
        '"We\'ll get back to you": turn it into an agreed decision date and a named step.',
        (
            "{first}, I understand you need time. So I'm not chasing you, could we agree now when "
            "you'll have decided, {date} perhaps, and what has to happen before then?",
            "Who else needs to weigh in before you decide? Shall we put 30 minutes in the diary "
            "with them on {date} or {alt}, so you have what you need?",
            "What would you need to see to be ready to {goal}? If I send it by {prep}, could we "
            "speak on {date} to agree the next step?",
        ),
    ),
    Reason.REP_FOLLOWUP_ONLY: (
        '"I\'ll call you in a few weeks": turn it into a dated meeting with a customer step.',
        (
            "Rather than me calling you in a few weeks, shall we put 20 minutes in the diary now? "
            "Would {date} or {alt} suit you better?",
            "I'll send what we discussed by {prep}. Could you look at it with your team and meet "
            "me on {date} to decide whether to {goal}?",
            "So our next conversation is worth your time, could you {min_action}?",
        ),
    ),
    Reason.COMMITMENT_OVERDUE: (
        "A customer commitment is past its date.",
        (
            "{owed_by} had planned to {owed} by {owed_due}. Is that still the plan? If priorities "
            "have shifted, could we agree a new date, {date} perhaps?",
            "I know things move. What got in the way of {owed}, and is there anything I can take "
            "off your plate so it can happen by {date}?",
        ),
    ),
    Reason.NO_COMMITMENT: (
        "The last call ended with no next step.",
        (
            "Where does this go from here on your side? Could we {action}?",
            "A sensible next step would be to {action}. Does that work for you, or is there a "
            "better step?",
            "If that's too soon, could you {min_action}?",
        ),
    ),
    Reason.NO_ADVANCE_IN_DAYS: (
        "No advance for a long time: find out if it is still live.",
        (
            "It's been a while since we moved this forward. Has anything changed on your side? If "
            "it's still a priority, could we {action}?",
            "Is this still the right time, or would you rather we pick it up again on a set date? "
            "Either way, could we talk on {date} to decide?",
        ),
    ),
    Reason.NO_VALUE: (
        "The last calls gave the customer nothing: bring value, then ask.",
        (
            "I'd like our next conversation to be worth your time: I'll bring {value}. Could we "
            "meet on {date} or {alt}?",
            "Could you spare 30 minutes on {date}? I'll come with {value}, and we can see whether "
            "to {goal}.",
        ),
    ),
    Reason.NO_CALLS: (
        "No call logged yet: open with a discovery meeting.",
        (
            "Would you be open to a 30-minute conversation on {date} or {alt}, to see whether "
            "this is worth exploring for {account}?",
            "I work with teams like yours on this. Could we take 30 minutes on {date} so I can "
            "understand your situation before suggesting anything?",
        ),
    ),
}
PRIORITY: tuple[Reason, ...] = tuple(PHRASES)
_VALUE_TO_BRING = {
    AdvanceKind.DISCOVERY: "a short benchmark of how similar companies handle this",
    AdvanceKind.DECISION_MAKER: "a one-page summary of the business case for your leadership",
    AdvanceKind.DEMO: "a demo built around the two problems you told me about",
    AdvanceKind.TRIAL: "a draft pilot plan with success criteria for you to change",
    AdvanceKind.PROPOSAL: "a draft of the business case with your own figures",
}


@dataclass(frozen=True, slots=True)
class Ask:
    """Phrasings for one situation: why it applies and several ways to ask."""

    key: str  # a Reason code, or "stage" for the stage's own advance
    when: str
    phrasings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "when": self.when, "phrasings": list(self.phrasings)}


def _prep_day(as_of: dt.date) -> dt.date:
    d = as_of + dt.timedelta(days=2)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def _fields(sit: OpportunitySituation, adv: NextAdvance) -> dict[str, str]:
    """The specifics every phrasing may use."""
    date, alt = proposed_dates(sit.as_of)
    dm = sit.contact(BuyingRole.DECISION_MAKER)
    champion = sit.contact(BuyingRole.CHAMPION)
    last = sit.last_call
    on_call = last.contacts[0] if last and last.contacts else None
    first = (on_call or (champion.name if champion else "")).split(" ")[0]
    stakeholders = sit.stakeholders() or "the people who'll use it"
    f = {
        "date": day(date),
        "alt": day(alt),
        "prep": day(_prep_day(sit.as_of)),
        "dm": dm.label if dm else "whoever owns the budget",
        "stakeholders": stakeholders,
        "account": sit.account,
        "first": first,
        "value": _VALUE_TO_BRING.get(
            adv.best_kind or AdvanceKind.DISCOVERY, "an idea that could help with your priorities"
        ),
    }
    overdue = [c for c in sit.overdue() if c.party is Party.CUSTOMER]
    if overdue:
        o = overdue[0]
        f["owed_by"] = o.who or "You"
        f["owed"] = o.action
        f["owed_due"] = day(o.due) if o.due else "the date we agreed"
    f["action"] = _action(adv.best_kind, adv.best, ASK_ACTION, f)
    goal = _GOAL.get(adv.best_kind) if adv.best_kind else None
    f["goal"] = (goal or "take the next step").format(**f)
    f["min_action"] = _action(adv.minimum_kind, adv.minimum, _MIN_ACTION, f)
    return f


def _action(
    kind: AdvanceKind | None, text: str, table: dict[AdvanceKind, str], f: dict[str, str]
) -> str:
    if kind is not None and kind in table:
        return table[kind].format(**f)
    plain = text.removeprefix("Customer ").rstrip(".")
    for tail in (" on a date", " by a date"):
        plain = plain.removesuffix(tail)
    return f"agree that next step ({plain.lower()}) for {f['date']}"


def _fill(phrase: str, f: dict[str, str]) -> str:
    out = phrase.format(**f)
    if out.startswith(", "):  # no first name known: drop the address
        out = out[2].upper() + out[3:]
    return out


def asks(sit: OpportunitySituation, adv: NextAdvance) -> tuple[Ask, ...]:
    """The phrasings that fit this opportunity, most pressing first, then the stage's own ask."""
    f = _fields(sit, adv)
    out: list[Ask] = []
    for reason in PRIORITY:
        if reason not in sit.reasons:
            continue
        if reason is Reason.COMMITMENT_OVERDUE and "owed" not in f:
            continue
        when, phrasings = PHRASES[reason]
        out.append(Ask(reason.value, when, tuple(_fill(p, f) for p in phrasings)))
    stage_phrases = (
        f"The natural next step from here is to {f['action']}. Would that work for you?",
        f"To keep this moving for {sit.account}, could we {f['action']}?",
        f"If that's more than you can commit to today, could you {f['min_action']}?",
    )
    out.append(Ask("stage", f"Asking for the {sit.stage} stage's advance.", stage_phrases))
    return tuple(out)
