"""The aba JSON API (django-ninja) under /api/v1: routers, auth and uniform error bodies.

Every error is `{"detail": [{"field": ..., "problem": ...}]}` with a 4xx status, so a client
can point at the bad field; an unexpected failure is logged and answered as JSON 500.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from aba.api.auth import API_AUTH
from aba.api.routers import (
    calls,
    coaching,
    commitments,
    figures,
    me,
    opportunities,
    read,
    review,
)

log = logging.getLogger(__name__)

api = NinjaAPI(
    title="aba API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Always Be Advancing: log calls and get aba's reading, follow commitments, review the "
        "pipeline. Authenticate with `Authorization: Bearer <token>` (create tokens in the web "
        "app or with `aba tokens create`). A token sees what its user sees: a rep their own "
        "opportunities, a manager their team's, an admin all."
    ),
    auth=API_AUTH,
)
api.add_router("/opportunities", opportunities.router)
api.add_router("/", calls.router)
api.add_router("/", coaching.router)
api.add_router("/commitments", commitments.router)
api.add_router("/read", read.router)
api.add_router("/review", review.router)
api.add_router("/figures", figures.router)
api.add_router("/me", me.router)


def _error(request: HttpRequest, status: int, problems: list[dict[str, Any]]) -> HttpResponse:
    return api.create_response(request, {"detail": problems}, status=status)


def _field(loc: Any) -> str | None:
    parts = [str(p) for p in (loc or ())]
    # ninja prefixes body errors with the parameter name ("body", "payload", ...): drop it.
    if len(parts) > 1 and parts[0] == "body" and parts[1] == "payload":
        parts.pop(1)
    return ".".join(parts) or None


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = [
        {"field": _field(e.get("loc")), "problem": str(e.get("msg", "invalid value"))}
        for e in exc.errors
    ]
    return _error(request, 422, problems)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(
        request,
        401,
        [
            {
                "field": "Authorization",
                "problem": (
                    "missing, unknown or revoked API token: send 'Authorization: Bearer <token>'"
                ),
            }
        ],
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, [{"field": None, "problem": exc.message}])


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, [{"field": None, "problem": str(exc) or "not found"}])


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, [{"field": None, "problem": str(exc) or "not allowed"}])


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def _database_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A database restart is temporary: tell the client to retry rather than report a bug."""
    log.warning("database unavailable on %s %s: %s", request.method, request.path, exc)
    problem = "the database is briefly unavailable: retry in a few seconds"
    response = _error(request, 503, [{"field": None, "problem": problem}])
    response["Retry-After"] = "2"
    return response


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("API error on %s %s", request.method, request.path)
    return _error(request, 500, [{"field": None, "problem": "internal error; it was logged"}])
