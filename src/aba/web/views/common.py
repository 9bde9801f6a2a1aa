"""Helpers every page view shares: the typed user, htmx detection, role checks, paging."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from aba.core.vocabulary import Role
from aba.sales.models import User


def current_user(request: HttpRequest) -> User:
    """The logged-in user (LoginRequiredMiddleware guarantees one on every page view)."""
    user = request.user
    assert isinstance(user, User)
    return user


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def manages(user: User) -> bool:
    """Managers and admins see the pipeline review."""
    return user.is_superuser or user.role in (Role.MANAGER, Role.ADMIN)


def require_manager(user: User) -> None:
    if not manages(user):
        raise PermissionDenied("The pipeline review is for managers.")


def paged(
    request: HttpRequest, items: Any, size: int, param: str = "page"
) -> tuple[Page[Any], str]:
    """The page of `items` the query's `param` asks for, and the query without `param`, so the
    page links keep every other filter."""
    page = Paginator(items, size).get_page(request.GET.get(param))
    query = request.GET.copy()
    query.pop(param, None)
    return page, query.urlencode()
