"""Attribute the changes a request makes to the logged-in user (or the API token's user)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from aba.audit.context import acting_as


class ActingUser:
    """Sets the audit actor for the duration of each request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        via = "api" if request.path.startswith("/api/") else "web"
        with acting_as(via=via, request=request):
            return self.get_response(request)
