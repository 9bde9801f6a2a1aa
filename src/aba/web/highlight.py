"""Show a note with the words aba's reading rests on wrapped in <mark>, everything escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def merge_spans(spans: Iterable[Sequence[int]], length: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) spans clipped to the text (the reader's may overlap)."""
    clipped = sorted((max(0, int(s)), min(length, int(e))) for s, e in spans if int(e) > int(s))
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: Iterable[Sequence[int]]) -> SafeString:
    """The note as HTML: escaped text, evidence spans in <mark>."""
    parts: list[str] = []
    cursor = 0
    for start, end in merge_spans(spans, len(text)):
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def reading_spans(reading: dict | None) -> list[list[int]]:
    """The evidence spans of a stored or fresh reading (its JSON form)."""
    if not reading:
        return []
    evidence = reading.get("evidence") or {}
    spans = list(evidence.get("commitments") or [])
    if evidence.get("outcome"):
        spans.append(evidence["outcome"])
    return spans
