"""/commitments: who promised what by when, and marking them kept or missed."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.http import HttpRequest
from ninja import Path, Query, Router

from aba.api.routers.calls import commitment_out
from aba.api.routers.common import READ_ERRORS, WRITE_ERRORS, get_visible, page, user_of
from aba.api.schemas import (
    MAX_ID,
    CommitmentFilters,
    CommitmentOut,
    CommitmentPage,
    CommitmentStatusIn,
    PageParams,
)
from aba.sales.models import Commitment
from aba.sales.services.calls import set_commitment_status
from aba.sales.visibility import visible_calls

router = Router(tags=["commitments"])


def _commitments(request: HttpRequest) -> Any:
    return Commitment.objects.filter(call__in=visible_calls(user_of(request))).select_related(
        "call"
    )


@router.get("", response={200: CommitmentPage, **READ_ERRORS}, summary="List commitments")
def list_commitments(
    request: HttpRequest, filters: Query[CommitmentFilters], paging: Query[PageParams]
) -> dict[str, Any]:
    """Commitments made on calls you may see, soonest due first (undated last)."""
    qs = _commitments(request)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.party:
        qs = qs.filter(party=filters.party)
    if filters.opportunity:
        qs = qs.filter(call__opportunity_id=filters.opportunity)
    if filters.due_before:
        qs = qs.filter(due__lte=filters.due_before)
    if filters.due_after:
        qs = qs.filter(due__gte=filters.due_after)
    qs = qs.order_by(F("due").asc(nulls_last=True), "id")
    count, items = page(qs, paging.limit, paging.offset)
    return {
        "count": count,
        "limit": paging.limit,
        "offset": paging.offset,
        "items": [commitment_out(c, c.call.opportunity_id) for c in items],
    }


@router.patch(
    "/{commitment_id}",
    response={200: CommitmentOut, **WRITE_ERRORS},
    summary="Mark a commitment kept or missed",
)
def update_commitment(
    request: HttpRequest,
    payload: CommitmentStatusIn,
    commitment_id: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    """Set a commitment's status: kept, missed, cancelled, or open again."""
    commitment = get_visible(_commitments(request), commitment_id, "commitment")
    set_commitment_status(commitment, payload.status, by=user_of(request))
    return commitment_out(commitment, commitment.call.opportunity_id)
