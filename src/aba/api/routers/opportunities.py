"""/opportunities: the pipeline as the token's user may see it, and snoozing a deal."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Status
from ninja.errors import ValidationError

from aba.api.routers.common import READ_ERRORS, WRITE_ERRORS, get_visible, page, user_of
from aba.api.schemas import MAX_ID, OpportunityFilters, OpportunityOut, OpportunityPage, PageParams
from aba.api.schemas_coaching import SnoozeEndedOut, SnoozeIn, SnoozeOut
from aba.core.vocabulary import OpportunityStatus
from aba.sales.models import Opportunity, Snooze
from aba.sales.services.review import snooze, unsnooze
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


def visible_opportunity(request: HttpRequest, opportunity_id: int) -> Opportunity:
    """The opportunity if the token's user may see it; 404 otherwise."""
    return get_visible(visible_opportunities(user_of(request)), opportunity_id, "opportunity")


def snooze_out(z: Snooze) -> dict[str, Any]:
    return {
        "opportunity_id": z.opportunity_id,
        "reason": z.reason,
        "until": z.until,
        "created_by": z.created_by.username if z.created_by else None,
        "created_at": z.created_at,
    }


@router.post(
    "/{opportunity_id}/snooze",
    response={201: SnoozeOut, **WRITE_ERRORS},
    summary="Snooze an opportunity",
)
def snooze_opportunity(
    request: HttpRequest, payload: SnoozeIn, opportunity_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status:
    """Pause an open opportunity's warnings for a stated reason until a restart day: the review
    shows it `snoozed` until then, and it comes back by itself. 404 unless you may see it."""
    user = user_of(request)
    opportunity = visible_opportunity(request, opportunity_id)
    if opportunity.status != OpportunityStatus.OPEN:
        problem = f"the opportunity is {opportunity.status}: only an open one can be snoozed"
        raise ValidationError([{"loc": ("path", "opportunity_id"), "msg": problem}])
    created = snooze(opportunity, by=user, reason=payload.reason, until=payload.until)
    return Status(201, snooze_out(created))


@router.delete(
    "/{opportunity_id}/snooze",
    response={200: SnoozeEndedOut, **WRITE_ERRORS},
    summary="End an opportunity's snooze",
)
def end_snooze(
    request: HttpRequest, opportunity_id: int = Path(..., ge=1, le=MAX_ID)
) -> dict[str, Any]:
    """End the opportunity's running snooze today: the review judges it again at once.
    Ending a snooze that is not running is not an error (`ended` is 0)."""
    opportunity = visible_opportunity(request, opportunity_id)
    return {"ended": unsnooze(opportunity, today=timezone.localdate())}
