"""/review: the pipeline review, the same content as `aba review --json`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from aba.api.routers.common import READ_ERRORS, user_of
from aba.api.schemas import ReviewFilters, ReviewOut
from aba.sales.services.review import review_pipeline

router = Router(tags=["review"])


@router.get("", response={200: ReviewOut, **READ_ERRORS}, summary="Pipeline review")
def review(request: HttpRequest, filters: Query[ReviewFilters]) -> dict[str, Any]:
    """Every opportunity you may see judged advancing, stalled (with reasons), snoozed or closed,
    stalled first; narrow it to a team or a rep."""
    return review_pipeline(
        user=user_of(request),
        as_of=filters.as_of or timezone.localdate(),
        team=filters.team,
        rep=filters.rep,
    ).to_json()
