"""Who may see what: the one place the role rules live, reused by pages, API and CLI."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from aba.core.vocabulary import Role
from aba.sales.models import Call, Opportunity, User


def _sees_all(user: User) -> bool:
    return user.is_superuser or user.role == Role.ADMIN


def opportunity_filter(user: User, path: str = "") -> Q | None:
    """The rule as a filter on the opportunity reached through `path` ("" on Opportunity itself,
    "opportunity__" from a snooze); None when the user sees nothing. A join, unlike
    `__in=visible_opportunities(...)`, lets the database start from the smaller table."""
    if not user.is_authenticated or not user.is_active:
        return None
    if _sees_all(user):
        return Q()
    if user.role == Role.MANAGER and user.team_id is not None:
        return Q(**{f"{path}owner__team_id": user.team_id})
    return Q(**{f"{path}owner": user})


def visible_opportunities(user: User) -> QuerySet[Opportunity]:
    """A rep sees their own opportunities, a manager their team's, an admin all."""
    rule = opportunity_filter(user)
    qs = Opportunity.objects.all()
    return qs.none() if rule is None else qs.filter(rule)


def visible_calls(user: User) -> QuerySet[Call]:
    return Call.objects.filter(opportunity__in=visible_opportunities(user))


def can_see(user: User, opportunity: Opportunity) -> bool:
    return visible_opportunities(user).filter(pk=opportunity.pk).exists()


def visible_reps(user: User) -> QuerySet[User]:
    """The reps whose deals the user sees: a manager their team's, an admin every rep."""
    reps = User.objects.filter(role=Role.REP, is_active=True)
    rule = opportunity_filter(user)
    if rule is None:
        return reps.none()
    if _sees_all(user):
        return reps
    if user.role == Role.MANAGER and user.team_id is not None:
        return reps.filter(team_id=user.team_id)
    return reps.filter(pk=user.pk)
