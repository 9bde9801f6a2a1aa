"""Template tags the web pages use to show coaching: `{% load coaching %}`."""

from __future__ import annotations

from typing import Any

from django import template

from aba.core.vocabulary import OpportunityStatus

register = template.Library()


@register.inclusion_tag("coaching/_opportunity_panel.html", takes_context=True)
def coaching_panel(context: dict[str, Any], opportunity: Any) -> dict[str, Any]:
    """The coaching panel of an opportunity page: next advance, top ask, link to the rest."""
    from aba.coaching.services import coach

    coaching = coach(opportunity) if opportunity.status == OpportunityStatus.OPEN else None
    return {"opportunity": opportunity, "coaching": coaching, "request": context.get("request")}


@register.inclusion_tag("coaching/_call_panel.html", takes_context=True)
def call_followup(context: dict[str, Any], call: Any) -> dict[str, Any]:
    """After a call is saved: links to the follow-up email and invites, when it has commitments."""
    dues = list(call.commitments.values_list("due", flat=True))
    return {
        "call": call,
        "has_followup": bool(dues),
        "has_dated": any(d is not None for d in dues),
        "request": context.get("request"),
    }
