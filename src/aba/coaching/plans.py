"""Pre-call plans (placeholder until coaching lands)."""

from __future__ import annotations


def current_plan(opportunity: object) -> tuple[str, str] | None:
    """The (best, minimum) advance planned for the next call of `opportunity`, if any."""
    return None
