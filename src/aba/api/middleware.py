"""Reject API queries that give a parameter more than once.

Every query parameter of the API takes one value. Django keeps the last of `?q=a&q=b` and
ninja never sees the others, so such a request would be answered for half of what it asked:
it gets a 422 naming the parameter instead, in the API's error body.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse


class SingleValuedQuery:
    """Answer 422 to /api/ requests whose query repeats a parameter."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and request.GET:
            repeated = sorted(k for k, values in request.GET.lists() if len(values) > 1)
            if repeated:
                problems = [{"field": k, "problem": "given more than once"} for k in repeated]
                return JsonResponse({"detail": problems}, status=422)
        return self.get_response(request)
