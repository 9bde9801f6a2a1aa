"""Template tags the web pages use to show coaching (placeholder until coaching lands)."""

from django import template

register = template.Library()


@register.inclusion_tag("coaching/_opportunity_panel.html", takes_context=True)
def coaching_panel(context: dict, opportunity: object) -> dict:
    """The coaching panel of an opportunity page: next advance, ask language, plan, MAP."""
    return {"opportunity": opportunity, "request": context.get("request")}


@register.inclusion_tag("coaching/_call_panel.html", takes_context=True)
def call_followup(context: dict, call: object) -> dict:
    """After a call is saved: links to the follow-up email and invites."""
    return {"call": call, "request": context.get("request")}
