"""The iCalendar document of a user's calendar feed: one all-day event per dated commitment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from aba.core.vocabulary import CommitmentStatus, OpportunityStatus, Party
from aba.sales.models import Commitment, User

HISTORY_DAYS = 90  # kept and missed commitments stay visible this long, then leave the calendar
MAX_EVENTS = 2000


def feed_commitments(user: User, today: dt.date) -> Iterable[Commitment]:
    """Dated commitments on the user's own opportunities: open ones, and recent history."""
    return (
        Commitment.objects.filter(
            call__opportunity__owner=user,
            call__opportunity__status=OpportunityStatus.OPEN,
            due__isnull=False,
            due__gte=today - dt.timedelta(days=HISTORY_DAYS),
        )
        .exclude(status=CommitmentStatus.CANCELLED)
        .select_related("call__opportunity__account")
        .order_by("due", "id")[:MAX_EVENTS]
    )


def _summary(c: Commitment) -> str:
    opp = c.call.opportunity
    owner = "Customer" if c.party == Party.CUSTOMER else "You"
    who = f" ({c.who})" if c.who else ""
    mark = {"kept": "✓ ", "missed": "✗ "}.get(c.status, "")
    return f"{mark}{owner}{who}: {c.action} · {opp.account.name} / {opp.name}"


def build_calendar(
    user: User, *, host: str, link: Callable[[int], str], today: dt.date | None = None
) -> bytes:
    """The feed as .ics bytes; `link` turns an opportunity id into its absolute URL."""
    today = today or timezone.localdate()
    cal = Calendar()
    cal.add("prodid", "-//aba//Always Be Advancing//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"aba commitments · {user}")
    cal.add("x-published-ttl", "PT1H")
    stamp = timezone.now()
    for c in feed_commitments(user, today):
        assert c.due is not None
        opp = c.call.opportunity
        event = Event()
        # Stable per commitment, so calendar apps update the event instead of duplicating it.
        event.add("uid", f"commitment-{c.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", c.due)
        event.add("dtend", c.due + dt.timedelta(days=1))
        event.add("summary", _summary(c))
        event.add(
            "description",
            f"{'Customer' if c.party == Party.CUSTOMER else 'Rep'} commitment, "
            f"status {c.status}.\n{c.action}\n{link(opp.pk)}",
        )
        event.add("url", link(opp.pk))
        event.add("categories", [str(c.party)])
        event.add("transp", "TRANSPARENT")  # a commitment is not a meeting: keep the day free
        cal.add_component(event)
    return cal.to_ical()
