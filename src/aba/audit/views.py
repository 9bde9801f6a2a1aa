"""The audit page: managers see the changes made to their team's deals, admins all of them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from aba.audit.models import AuditEntry
from aba.core.vocabulary import Role
from aba.sales.models import User
from aba.sales.visibility import visible_opportunities

PAGE_SIZE = 100


def visible_entries(user: User) -> QuerySet[AuditEntry]:
    """What `user` may read of the audit trail; reps read none of it (a manager's tool)."""
    entries = AuditEntry.objects.all()
    if user.is_superuser or user.role == Role.ADMIN:
        return entries
    if user.role == Role.MANAGER:
        return entries.filter(opportunity__in=visible_opportunities(user))
    return entries.none()


def audit_log(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not (user.is_superuser or user.role in (Role.MANAGER, Role.ADMIN)):
        raise PermissionDenied("The audit trail is for managers and admins.")
    entries = visible_entries(user).select_related("opportunity")
    opportunity = None
    if wanted := request.GET.get("opportunity"):
        if not wanted.isdigit():
            raise Http404("No such opportunity")
        opportunity = visible_opportunities(user).filter(pk=int(wanted)).first()
        if opportunity is None:  # another team's deal is as absent as a missing one
            raise Http404("No such opportunity")
        entries = entries.filter(opportunity=opportunity)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "audit/log.html", {"page": page, "opportunity": opportunity, "nav": "audit"}
    )
