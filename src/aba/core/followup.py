"""The follow-up after a call: an email that thanks, recaps the value and confirms every
commitment with its owner and date, and calendar invites for the dated ones.

Written as standard files (RFC 5322 .eml, RFC 5545 .ics) so any mail or calendar program opens
them; the rep reviews and sends, aba never sends mail on anyone's behalf.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from icalendar import Calendar, Event

from aba.core.vocabulary import Party, ValueKind

_RECAP: dict[ValueKind, str] = {
    ValueKind.LEARNING: "I hope the insight we shared is useful as you think this through.",
    ValueKind.SERVING: "I'm glad we could help with the issue you raised.",
    ValueKind.CREATING: "I enjoyed working through the ideas together.",
    ValueKind.EXTENDING: "I hope the connection we talked about proves useful.",
}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str = ""

    def address(self) -> Address | None:
        if "@" not in self.email:
            return None
        user, _, domain = self.email.partition("@")
        return Address(display_name=self.name, username=user, domain=domain)


@dataclass(frozen=True, slots=True)
class FollowupItem:
    """One commitment to confirm; `uid` keeps its invite the same event on every download."""

    owner: Party
    who: str
    action: str
    due: dt.date | None
    uid: str


@dataclass(frozen=True, slots=True)
class Followup:
    rep: Person
    to: tuple[Person, ...]
    account: str
    opportunity: str
    call_date: dt.date
    items: tuple[FollowupItem, ...]
    value_kinds: tuple[ValueKind, ...] = ()
    learned: tuple[str, ...] = ()
    uid_domain: str = "aba.invalid"

    @property
    def subject(self) -> str:
        return f"{self.opportunity}: next steps from our call on {_day(self.call_date)}"

    @property
    def dated(self) -> tuple[FollowupItem, ...]:
        return tuple(i for i in self.items if i.due is not None)


def _day(d: dt.date) -> str:
    return f"{d:%A} {d.day} {d:%B} {d.year}"


def _names(people: tuple[Person, ...]) -> str:
    firsts = [p.name.split()[0] for p in people if p.name.strip()]
    if not firsts:
        return "Hello"
    if len(firsts) == 1:
        return f"Hi {firsts[0]}"
    return f"Hi {', '.join(firsts[:-1])} and {firsts[-1]}"


def owner_label(item: FollowupItem, f: Followup) -> str:
    """'Dana (Globex)' or 'Rita (us)': who owes the step, on which side."""
    if item.owner is Party.REP:
        own = item.who and item.who.lower() not in ("i", "me", "we", "us", "myself")
        name = item.who if own else (f.rep.name.split() or ["us"])[0]
        return f"{name} (us)"
    return f"{item.who} ({f.account})" if item.who else f.account


def email_text(f: Followup) -> str:
    """The plain-text body, ready to paste into any mail program."""
    lines = [f"{_names(f.to)},", "", f"Thank you for your time on {_day(f.call_date)}."]
    recap = [_RECAP[k] for k in f.value_kinds if k in _RECAP]
    if recap:
        lines += ["", " ".join(recap)]
    if f.learned:
        lines += ["", "What I took away from our conversation:"]
        lines += [f"- {x}" for x in f.learned]
    if f.items:
        lines += ["", "To confirm what we agreed:"]
        for i in f.items:
            when = f"by {_day(i.due)}" if i.due else "date to be agreed"
            lines.append(f"- {owner_label(i, f)}: {i.action}, {when}")
    if f.dated:
        lines += [
            "",
            "I've attached calendar invites for the dated steps. If a date doesn't work for you, "
            "just reply and we'll find a better one.",
        ]
    lines += ["", "Best regards,", f.rep.name, ""]
    return "\n".join(lines)


def build_email(f: Followup) -> EmailMessage:
    """The email as a draft message: To, Subject, plain text, and the invites attached."""
    msg = EmailMessage()
    to = [a for a in (p.address() for p in f.to) if a is not None]
    msg["To"] = to if to else "undisclosed-recipients:;"
    sender = f.rep.address()
    if sender is not None:
        msg["From"] = sender
    msg["Subject"] = f.subject
    msg["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    msg["X-Unsent"] = "1"  # mail programs open it as a draft to review and send
    msg.set_content(email_text(f))
    if f.dated:
        msg.add_attachment(
            ics_bytes(f), maintype="text", subtype="calendar", filename="next-steps.ics",
            params={"method": "PUBLISH"},
        )  # fmt: skip
    return msg


def eml_bytes(f: Followup) -> bytes:
    return bytes(build_email(f))


def ics_bytes(f: Followup) -> bytes:
    """One all-day VEVENT per dated commitment, with a stable UID so re-imports update it."""
    cal = Calendar()
    cal.add("prodid", "-//aba//Always Be Advancing//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    stamp = dt.datetime.combine(f.call_date, dt.time(12, 0), tzinfo=dt.UTC)
    for i in f.dated:
        assert i.due is not None
        ev = Event()
        ev.add("uid", f"{i.uid}@{f.uid_domain}")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", i.due)
        ev.add("dtend", i.due + dt.timedelta(days=1))
        ev.add("summary", f"{f.account}: {owner_label(i, f)} to {i.action}")
        ev.add("description", f"Agreed on our call of {_day(f.call_date)} ({f.opportunity}).")
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return bytes(cal.to_ical())
