"""The words aba uses everywhere (code, pages, API, CLI), as string enums.

Values are the exact codes other programs rely on: extend, never rename.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """Rackham's four outcomes of a call."""

    ORDER = "order"
    ADVANCE = "advance"
    CONTINUATION = "continuation"
    NO_SALE = "no_sale"


class Stall(StrEnum):
    """Why a continuation does not advance."""

    WAITING_ON_PROSPECT = "waiting_on_prospect"
    REP_FOLLOWUP_ONLY = "rep_followup_only"
    NO_NEXT_STEP = "no_next_step"


class Party(StrEnum):
    """Who owes a commitment."""

    CUSTOMER = "customer"
    REP = "rep"


class CommitmentStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    MISSED = "missed"
    CANCELLED = "cancelled"


class ValueKind(StrEnum):
    """The four ways a call gives the customer value (learning, serving, creating, extending)."""

    LEARNING = "learning"
    SERVING = "serving"
    CREATING = "creating"
    EXTENDING = "extending"


class ReviewStatus(StrEnum):
    ADVANCING = "advancing"
    STALLED = "stalled"
    SNOOZED = "snoozed"
    CLOSED = "closed"


class Reason(StrEnum):
    """Why the review calls an opportunity stalled (exact codes of the review contract)."""

    NO_COMMITMENT = "no_commitment"
    WAITING_ON_PROSPECT = "waiting_on_prospect"
    REP_FOLLOWUP_ONLY = "rep_followup_only"
    COMMITMENT_OVERDUE = "commitment_overdue"
    NO_ADVANCE_IN_DAYS = "no_advance_in_days"
    ORDER_NOT_ASKED = "order_not_asked"
    NO_VALUE = "no_value"
    NO_CALLS = "no_calls"


class Role(StrEnum):
    REP = "rep"
    MANAGER = "manager"
    ADMIN = "admin"


class BuyingRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    CHAMPION = "champion"
    USER = "user"
    GATEKEEPER = "gatekeeper"


class OpportunityStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"
