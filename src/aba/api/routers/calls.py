"""/calls and /opportunities/{id}/calls: log a call and get aba's reading back; list calls."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Path, Query, Router, Status
from ninja.errors import ValidationError

from aba.api.routers.common import READ_ERRORS, WRITE_ERRORS, get_visible, page, user_of
from aba.api.schemas import MAX_ID, CallFilters, CallIn, CallOut, CallPage, PageParams
from aba.sales.models import Call, Commitment, Contact
from aba.sales.services.calls import log_call
from aba.sales.visibility import visible_calls, visible_opportunities

router = Router(tags=["calls"])


def commitment_out(c: Commitment, opportunity_id: int) -> dict[str, Any]:
    return {
        "id": c.pk,
        "call_id": c.call_id,
        "opportunity_id": opportunity_id,
        "party": c.party,
        "who": c.who,
        "action": c.action,
        "due": c.due,
        "due_text": c.due_text,
        "vague": c.vague,
        "status": c.status,
        "resolved_at": c.resolved_at,
    }


def call_out(call: Call) -> dict[str, Any]:
    return {
        "id": call.pk,
        "external_id": call.external_id,
        "opportunity_id": call.opportunity_id,
        "rep": call.rep.username,
        "when": call.when,
        "notes": call.notes,
        "outcome": call.outcome,
        "outcome_source": call.outcome_source,
        "stall": call.stall,
        "asked": call.asked,
        "value_given": call.value_given,
        "value_kinds": list(call.value_kinds or []),
        "learned": call.learned,
        "planned_best": call.planned_best,
        "planned_minimum": call.planned_minimum,
        "corrected": call.corrected,
        "reading": call.reading,
        "commitments": [commitment_out(c, call.opportunity_id) for c in call.commitments.all()],
    }


def _calls(request: HttpRequest) -> Any:
    return (
        visible_calls(user_of(request))
        .select_related("rep")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.order_by("due", "id"))
        )
    )


@router.get("/calls", response={200: CallPage, **READ_ERRORS}, summary="List calls")
def list_calls(
    request: HttpRequest, filters: Query[CallFilters], paging: Query[PageParams]
) -> dict[str, Any]:
    """Calls on the opportunities you may see, latest first, with their readings."""
    qs = _calls(request)
    if filters.opportunity:
        qs = qs.filter(opportunity_id=filters.opportunity)
    if filters.rep:
        qs = qs.filter(rep__username=filters.rep)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    if filters.since:
        qs = qs.filter(when__date__gte=filters.since)
    if filters.until:
        qs = qs.filter(when__date__lte=filters.until)
    count, items = page(qs.order_by("-when", "-id"), paging.limit, paging.offset)
    return {
        "count": count,
        "limit": paging.limit,
        "offset": paging.offset,
        "items": [call_out(c) for c in items],
    }


@router.get("/calls/{call_id}", response={200: CallOut, **READ_ERRORS}, summary="Get one call")
def get_call(request: HttpRequest, call_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    """One call with aba's reading and its commitments; 404 unless you may see it."""
    return call_out(get_visible(_calls(request), call_id, "call"))


@router.post(
    "/opportunities/{opportunity_id}/calls",
    response={201: CallOut, **WRITE_ERRORS},
    summary="Log a call",
)
def post_call(
    request: HttpRequest, payload: CallIn, opportunity_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status:
    """Log a call you made on an opportunity: aba reads the notes and stores its reading.

    State `outcome` to override the reading (aba keeps its own in `reading`); send
    `commitments` to store exactly those instead of the ones read from the notes.
    """
    user = user_of(request)
    opportunity = get_visible(visible_opportunities(user), opportunity_id, "opportunity")
    problems = []
    if payload.stall is not None and payload.outcome != "continuation":
        problems.append({"loc": ("body", "stall"), "msg": "a stall needs outcome 'continuation'"})
    contacts = list(
        Contact.objects.filter(account_id=opportunity.account_id, pk__in=payload.contacts)
    )
    if len(contacts) != len(set(payload.contacts)):
        problems.append(
            {
                "loc": ("body", "contacts"),
                "msg": "every contact must be one of the opportunity's account",
            }
        )
    if problems:
        raise ValidationError(problems)
    call = log_call(
        opportunity=opportunity,
        rep=user,
        when=payload.when,
        notes=payload.notes,
        outcome=payload.outcome,
        stall=payload.stall,
        commitments=payload.commitments,
        contacts=contacts,
        planned_best=payload.planned_best,
        planned_minimum=payload.planned_minimum,
    )
    return Status(201, call_out(_calls(request).get(pk=call.pk)))
