"""My pipeline: a rep's open opportunities, stalled first, with reasons and what is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from aba.core.vocabulary import Party, ReviewStatus
from aba.sales.services.review import ReviewRow
from aba.web.forms import PipelineFilterForm
from aba.web.review_cache import cached_review
from aba.web.views.common import current_user, manages, paged

PAGE_SIZE = 50


def home(request: HttpRequest) -> HttpResponse:
    """Managers start on the pipeline review, reps on their own pipeline."""
    return redirect("review" if manages(current_user(request)) else "pipeline")


@dataclass(frozen=True)
class DueItem:
    opportunity_id: int
    opportunity: str
    account: str
    party: str
    who: str
    action: str
    due: dt.date


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of today's week."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def _sorted(rows: list[ReviewRow], sort: str) -> list[ReviewRow]:
    if sort == "amount":
        return sorted(rows, key=lambda r: (-r.amount, r.name))
    if sort == "last_call":
        return sorted(rows, key=lambda r: (r.last_call or dt.date.min, r.name))
    if sort == "name":
        return sorted(rows, key=lambda r: (r.account.lower(), r.name.lower()))
    return rows  # the review's attention order: stalled first, most money at risk first


def filter_rows(rows: list[ReviewRow], data: dict[str, Any]) -> list[ReviewRow]:
    """Apply the pipeline filters (search, review status, stage) and the sort order."""
    q = (data.get("q") or "").strip().lower()
    if q:
        rows = [r for r in rows if q in r.name.lower() or q in r.account.lower()]
    if status := data.get("status"):
        rows = [r for r in rows if r.status == status]
    if stage := data.get("stage"):
        rows = [r for r in rows if r.stage == stage]
    return _sorted(rows, data.get("sort") or "stalled")


def due_items(rows: list[ReviewRow], start: dt.date, end: dt.date) -> list[DueItem]:
    items = [
        DueItem(r.id, r.name, r.account, c["party"], c["who"] or "", c["action"], c["due"])
        for r in rows
        for c in r.open_commitments
        if c["due"] is not None and start <= c["due"] <= end
    ]
    return sorted(items, key=lambda i: (i.due, i.party != Party.CUSTOMER, i.account))


def pipeline(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    today = timezone.localdate()
    review = cached_review(user=user, rep=user.username, as_of=today).review
    open_rows = [r for r in review.rows if r.status != ReviewStatus.CLOSED]
    form = PipelineFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = filter_rows(open_rows, data)
    page, query = paged(request, rows, PAGE_SIZE)
    monday, sunday = week_bounds(today)
    stalled = [r for r in open_rows if r.status == ReviewStatus.STALLED]
    context = {
        "nav": "pipeline",
        "form": form,
        "page": page,
        "query": query,
        "today": today,
        "stages": sorted({r.stage for r in open_rows}),
        "due_week": due_items(open_rows, monday, sunday),
        "week": (monday, sunday),
        "overdue": sum(r.overdue_count for r in open_rows),
        "totals": {
            "open": len(open_rows),
            "stalled": len(stalled),
            "stalled_value": sum((r.amount for r in stalled), Decimal(0)),
            "value": sum((r.amount for r in open_rows), Decimal(0)),
        },
    }
    return render(request, "web/pipeline.html", context)
