"""The follow-up for a logged call: the core's email and invites, filled from the database."""

from __future__ import annotations

from django.conf import settings

from aba.core.coaching.situation import named
from aba.core.followup import Followup, FollowupItem, Person
from aba.core.vocabulary import Party, ValueKind
from aba.sales.models import Call


def has_followup(call: Call) -> bool:
    """Only a call with commitments has anything to confirm."""
    return call.commitments.exists()


def followup_for(call: Call) -> Followup:
    """The follow-up of `call`: to its contacts (or the account's), confirming its commitments."""
    opp = call.opportunity
    people = [c for c in call.contacts.all() if c.email] or [
        c for c in opp.account.contacts.all() if c.email
    ][:3]
    committed = {c.contact_id for c in call.commitments.all() if c.contact_id}
    people += [c for c in opp.account.contacts.filter(pk__in=committed) if c not in people]
    rep = call.rep
    on_call = list(call.contacts.all())
    only = on_call[0].name.split()[0] if len(on_call) == 1 else ""  # "she" is the one on the call
    kinds = []
    for k in call.value_kinds or []:
        try:
            kinds.append(ValueKind(k))
        except ValueError:
            continue
    host = (getattr(settings, "ALLOWED_HOSTS", None) or ["aba.invalid"])[0].lstrip(".")
    return Followup(
        rep=Person(rep.get_full_name() or rep.username, rep.email),
        to=tuple(Person(c.name, c.email) for c in people),
        account=opp.account.name,
        opportunity=opp.name,
        call_date=call.when.date(),
        items=tuple(
            FollowupItem(
                owner=Party(c.party),
                who=c.contact.name.split()[0] if c.contact_id else _who(c.who, c.party, only),
                action=c.action,
                due=c.due,
                uid=f"aba-commitment-{c.pk}",
            )
            for c in call.commitments.select_related("contact").order_by("due", "id")
        ),
        value_kinds=tuple(kinds),
        learned=tuple(x.strip() for x in call.learned.split(";") if x.strip())[:3],
        uid_domain=host if host not in ("*", "") else "aba.invalid",
    )


def _who(who: str, party: str, only: str) -> str:
    return named(who) or (only if party == Party.CUSTOMER else "")


def filename(call: Call, ext: str) -> str:
    """'followup-globex-2026-03-03.eml': a name the rep recognises in their downloads."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in call.opportunity.account.name.lower())
    return f"followup-{slug.strip('-') or 'call'}-{call.when:%Y-%m-%d}.{ext}"
