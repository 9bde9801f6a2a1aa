"""What coaching needs to know about one opportunity, as plain data the services fill in.

Built once per opportunity from a handful of queries; every coaching rule reads only this, so
the rules are tested without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aba.core.coaching.kinds import AdvanceKind, kinds_of, past_kinds_in_notes, primary_kind
from aba.core.roadmap import RoadmapStage
from aba.core.vocabulary import BuyingRole, CommitmentStatus, Outcome, Party, Reason, Stall

_ROLE_WORDS = {
    BuyingRole.DECISION_MAKER: "decision maker",
    BuyingRole.CHAMPION: "champion",
    BuyingRole.INFLUENCER: "influencer",
    BuyingRole.USER: "user",
    BuyingRole.GATEKEEPER: "gatekeeper",
}


@dataclass(frozen=True, slots=True)
class ContactInfo:
    name: str
    buying_role: BuyingRole | None = None
    title: str = ""
    email: str = ""

    @property
    def label(self) -> str:
        """ "Carla Diaz (CFO)": the name a professional would write in an email."""
        return f"{self.name} ({self.title})" if self.title else self.name

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


@dataclass(frozen=True, slots=True)
class CommitmentInfo:
    party: Party
    who: str
    action: str
    due: dt.date | None
    status: CommitmentStatus = CommitmentStatus.OPEN
    call_date: dt.date | None = None
    id: int | None = None
    contact: str | None = None  # the contact's name when the commitment is linked to one


@dataclass(frozen=True, slots=True)
class CallInfo:
    """One past call: what it achieved and what the rep planned for it."""

    date: dt.date
    outcome: Outcome | None
    stall: Stall | None = None
    asked: bool = False
    value_given: bool = False
    learned: str = ""
    notes: str = ""
    contacts: tuple[str, ...] = ()
    commitments: tuple[CommitmentInfo, ...] = ()
    planned_best: str = ""
    planned_minimum: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class OpportunitySituation:
    """One open opportunity: where it is on the roadmap, what happened, why it stalls."""

    name: str
    account: str
    stage: str
    roadmap: tuple[RoadmapStage, ...]
    as_of: dt.date
    calls: tuple[CallInfo, ...] = ()  # newest first
    contacts: tuple[ContactInfo, ...] = ()
    reasons: tuple[Reason, ...] = ()
    reorders: bool = False
    rep_name: str = ""

    @property
    def stage_index(self) -> int:
        """The stage's place on the roadmap (0 when the team renamed it out of the roadmap)."""
        for i, s in enumerate(self.roadmap):
            if s.name.lower() == self.stage.lower():
                return i
        return 0

    @property
    def last_call(self) -> CallInfo | None:
        return self.calls[0] if self.calls else None

    @property
    def commitments(self) -> tuple[CommitmentInfo, ...]:
        return tuple(c for call in self.calls for c in call.commitments)

    def contact(self, role: BuyingRole) -> ContactInfo | None:
        return next((c for c in self.contacts if c.buying_role == role), None)

    def stakeholders(self) -> str:
        """'Dana and Carla': the people on the last call first, then the decision maker."""
        last = self.last_call
        names = [n.split()[0] for n in (last.contacts if last else ())]
        for c in sorted(
            self.contacts, key=lambda c: c.buying_role is not BuyingRole.DECISION_MAKER
        ):
            if c.first_name not in names and len(names) < 3:
                names.append(c.first_name)
        if not names:
            return ""
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

    def committed_contacts(self) -> frozenset[str]:
        """Names of the customer people who ever committed to something (lower case)."""
        names: set[str] = set()
        for call in self.calls:
            for c in call.commitments:
                if c.party is not Party.CUSTOMER:
                    continue
                name = c.contact or (c.who if c.who and c.who[:1].isupper() else "")
                if not name and len(call.contacts) == 1:
                    name = call.contacts[0]  # "she'll send it": the one person on the call
                if name:
                    names.add(name.split()[0].lower())
        return frozenset(names)

    def decision_maker_committed(self) -> bool:
        dms = {
            c.first_name.lower()
            for c in self.contacts
            if c.buying_role is BuyingRole.DECISION_MAKER
        }
        return bool(dms & self.committed_contacts())

    def single_threaded(self) -> bool:
        """Only one customer person ever committed, and not the decision maker."""
        return len(self.committed_contacts()) <= 1 and not self.decision_maker_committed()

    def achieved_kinds(self) -> frozenset[AdvanceKind]:
        """Advances already held or booked: customer commitments not missed, and past events in
        the notes. A booked demo counts: suggesting another one would show we weren't listening."""
        found: set[AdvanceKind] = set()
        for call in self.calls:
            found |= past_kinds_in_notes(call.notes)
            if call.outcome is Outcome.ORDER:
                found.add(AdvanceKind.ORDER)
            for c in call.commitments:
                if c.party is Party.CUSTOMER and c.status in (
                    CommitmentStatus.OPEN,
                    CommitmentStatus.KEPT,
                ):
                    kind = primary_kind(c.action)
                    if kind is not None:
                        found.add(kind)
                    if AdvanceKind.DECISION_MAKER in kinds_of(c.action) and (
                        "introduc" in c.action.lower() or "bring" in c.action.lower()
                    ):
                        found.add(AdvanceKind.DECISION_MAKER)
        if self.decision_maker_committed():
            found.add(AdvanceKind.DECISION_MAKER)
        return frozenset(found)

    def overdue(self) -> tuple[CommitmentInfo, ...]:
        return tuple(
            c
            for c in self.commitments
            if c.status is CommitmentStatus.OPEN and c.due is not None and c.due < self.as_of
        )


def role_word(role: BuyingRole | None) -> str:
    return _ROLE_WORDS.get(role, "contact") if role else "contact"


_STALL_REASON = {
    Stall.WAITING_ON_PROSPECT: Reason.WAITING_ON_PROSPECT,
    Stall.REP_FOLLOWUP_ONLY: Reason.REP_FOLLOWUP_ONLY,
}


def fallback_reasons(sit: OpportunitySituation, *, no_advance_days: int = 30) -> tuple[Reason, ...]:
    """Stall reasons from the situation alone, for when the pipeline review cannot say.

    The review service is the authority; this mirrors its contract closely enough to coach.
    """
    last = sit.last_call
    if last is None:
        return (Reason.NO_CALLS,)
    out: list[Reason] = []
    if last.outcome is Outcome.CONTINUATION:
        out.append(_STALL_REASON.get(last.stall, Reason.NO_COMMITMENT) if last.stall else
                   Reason.NO_COMMITMENT)  # fmt: skip
    if any(c.party is Party.CUSTOMER for c in sit.overdue()):
        out.append(Reason.COMMITMENT_OVERDUE)
    advanced = [c.date for c in sit.calls if c.outcome in (Outcome.ADVANCE, Outcome.ORDER)]
    since = max(advanced) if advanced else min(c.date for c in sit.calls)
    if (sit.as_of - since).days > no_advance_days:
        out.append(Reason.NO_ADVANCE_IN_DAYS)
    if sit.reorders and not last.asked and last.outcome is not Outcome.ORDER:
        out.append(Reason.ORDER_NOT_ASKED)
    if not last.value_given:
        out.append(Reason.NO_VALUE)
    return tuple(out)


_PRONOUNS = frozenset(
    ["i", "me", "we", "us", "she", "he", "they", "them", "her", "him", "you", "it", "someone"]
)


def named(who: str | None) -> str:
    """A commitment's 'who' when it names someone; '' for pronouns ("she'll send it")."""
    who = (who or "").strip()
    return "" if who.lower() in _PRONOUNS else who
