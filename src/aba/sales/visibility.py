"""Who may see what: the one place the role rules live, reused by pages, API and CLI."""

from __future__ import annotations

from django.db.models import QuerySet

from aba.core.vocabulary import Role
from aba.sales.models import Call, Opportunity, User


def visible_opportunities(user: User) -> QuerySet[Opportunity]:
    """A rep sees their own opportunities, a manager their team's, an admin all."""
    qs = Opportunity.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser or user.role == Role.ADMIN:
        return qs
    if user.role == Role.MANAGER and user.team_id is not None:
        return qs.filter(owner__team_id=user.team_id)
    return qs.filter(owner=user)


def visible_calls(user: User) -> QuerySet[Call]:
    return Call.objects.filter(opportunity__in=visible_opportunities(user))


def can_see(user: User, opportunity: Opportunity) -> bool:
    return visible_opportunities(user).filter(pk=opportunity.pk).exists()
