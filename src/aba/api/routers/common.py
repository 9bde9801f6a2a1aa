"""What every router shares: the documented error responses and object lookup by visibility."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from aba.api.schemas import ErrorOut

M = TypeVar("M", bound=Model)

# Documented on every operation so clients (and the schema fuzzer) know each error's body.
READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 403: ErrorOut}


def get_visible(queryset: QuerySet[M], pk: int, what: str) -> M:
    """The object if the user may see it; otherwise 404, so ids of others' deals do not leak."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(f"no {what} {pk} that you can see")
    return found


def page(queryset: QuerySet[Any], limit: int, offset: int) -> tuple[int, list[Any]]:
    """The total count and one page of a queryset."""
    return queryset.count(), list(queryset[offset : offset + limit])


def user_of(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]
