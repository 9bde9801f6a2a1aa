"""/figures: per rep and team, month by month, how calls turn into advances."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from aba.api.routers.common import READ_ERRORS, user_of
from aba.api.schemas import FiguresFilters, FiguresOut
from aba.sales.services.figures import advancing_figures

router = Router(tags=["figures"])


@router.get("", response={200: FiguresOut, **READ_ERRORS}, summary="Advancing figures")
def figures(request: HttpRequest, filters: Query[FiguresFilters]) -> dict[str, Any]:
    """Advance and continuation rates, how often reps ask, commitments kept and missed, days
    between advances and stalled value, for the opportunities you may see."""
    return advancing_figures(
        user=user_of(request),
        team=filters.team,
        rep=filters.rep,
        months=filters.months,
        as_of=filters.as_of or timezone.localdate(),
    ).to_json()
