"""Django models of the sales data, one module per concern."""

from aba.sales.models.calls import Call, Commitment, OutcomeSource
from aba.sales.models.org import Stage, Team, User
from aba.sales.models.pipeline import Account, Contact, Opportunity, Snooze

__all__ = [
    "Account",
    "Call",
    "Commitment",
    "Contact",
    "Opportunity",
    "OutcomeSource",
    "Snooze",
    "Stage",
    "Team",
    "User",
]
