"""Page views: thin adapters that ask the services and render a template."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aba.sales.visibility import visible_opportunities


def home(request: HttpRequest) -> HttpResponse:
    """A plain first page: the opportunities this user may see."""
    opportunities = (
        visible_opportunities(request.user)  # type: ignore[arg-type]
        .select_related("account", "owner", "stage")
        .order_by("status", "-amount")
    )
    page = Paginator(opportunities, 50).get_page(request.GET.get("page"))
    return render(request, "web/home.html", {"page": page})
