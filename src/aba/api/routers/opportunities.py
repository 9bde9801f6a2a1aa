"""/opportunities: the pipeline as the token's user may see it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from ninja import Path, Query, Router

from aba.api.routers.common import READ_ERRORS, get_visible, page, user_of
from aba.api.schemas import MAX_ID, OpportunityFilters, OpportunityOut, OpportunityPage, PageParams
from aba.sales.models import Opportunity
from aba.sales.visibility import visible_opportunities

router = Router(tags=["opportunities"])


def opportunity_out(o: Opportunity) -> dict[str, Any]:
    return {
        "id": o.pk,
        "external_id": o.external_id,
        "name": o.name,
        "account": o.account.name,
        "owner": o.owner.username,
        "stage": o.stage.name,
        "amount": float(o.amount),
        "status": o.status,
        "created": o.created,
        "closed": o.closed,
    }


@router.get("", response={200: OpportunityPage, **READ_ERRORS}, summary="List opportunities")
def list_opportunities(
    request: HttpRequest, filters: Query[OpportunityFilters], paging: Query[PageParams]
) -> dict[str, Any]:
    """The opportunities you may see (a rep: their own; a manager: their team's; an admin: all),
    newest first, filtered and paginated."""
    qs = visible_opportunities(user_of(request)).select_related("account", "owner", "stage")
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.owner:
        qs = qs.filter(owner__username=filters.owner)
    if filters.stage:
        qs = qs.filter(stage__name__iexact=filters.stage)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(account__name__icontains=filters.q))
    count, items = page(qs.order_by("-created", "-id"), paging.limit, paging.offset)
    return {
        "count": count,
        "limit": paging.limit,
        "offset": paging.offset,
        "items": [opportunity_out(o) for o in items],
    }


@router.get(
    "/{opportunity_id}",
    response={200: OpportunityOut, **READ_ERRORS},
    summary="Get one opportunity",
)
def get_opportunity(
    request: HttpRequest, opportunity_id: int = Path(..., ge=1, le=MAX_ID)
) -> dict[str, Any]:
    """One opportunity by aba's id; 404 when it does not exist or you may not see it."""
    qs = visible_opportunities(user_of(request)).select_related("account", "owner", "stage")
    return opportunity_out(get_visible(qs, opportunity_id, "opportunity"))
