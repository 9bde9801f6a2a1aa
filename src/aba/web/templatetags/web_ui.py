"""Template helpers: accessible form widgets, status pills, money, reasons in words."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from aba.web import words

register = template.Library()


@register.filter
def ui(field: BoundField) -> SafeString:
    """The widget, tied to its error message so screen readers announce it with the field."""
    attrs: dict[str, str] = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        described = [f"{field.auto_id}_error"]
        if field.help_text:
            described.append(f"{field.auto_id}_helptext")  # Django's own id for help text
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def outcome_pill(outcome: str | None) -> SafeString:
    if not outcome:
        return mark_safe('<span class="pill pill-none">Not read</span>')
    label = words.OUTCOME_WORDS.get(outcome, outcome)
    return format_html('<span class="pill pill-{}">{}</span>', outcome, label)


REVIEW_WORDS = {
    "advancing": "Advancing",
    "stalled": "Stalled",
    "snoozed": "Snoozed",
    "closed": "Closed",
}


@register.simple_tag
def review_pill(status: str | None) -> SafeString:
    status = status or "closed"
    return format_html(
        '<span class="pill pill-{}">{}</span>', status, REVIEW_WORDS.get(status, status)
    )


@register.simple_tag
def commitment_pill(status: str) -> SafeString:
    label = {"open": "Open", "kept": "Kept", "missed": "Missed", "cancelled": "Cancelled"}
    return format_html('<span class="pill pill-c-{}">{}</span>', status, label.get(status, status))


@register.simple_tag
def party_tag(party: str) -> SafeString:
    label = "Customer" if party == "customer" else "Rep"
    return format_html('<span class="party party-{}">{}</span>', party, label)


@register.filter
def reason_words(code: str, days: int | None = None) -> str:
    return words.reason_text(code, days)


@register.filter
def reasons_in_words(row: object) -> list[str]:
    return words.row_reasons(row)


@register.filter
def stall_words(code: str | None) -> str:
    return words.STALL_WORDS.get(code or "", "")


@register.filter
def money(value: Decimal | int | float | None) -> str:
    """Whole currency units, grouped: 120,000 reads faster than 120000.00; millions as 1.2M."""
    if value is None:
        return ""
    amount = int(round(float(value)))
    if abs(amount) >= 1_000_000:
        return f"{amount / 1_000_000:.1f}M"
    return f"{amount:,}"


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key)
