"""The opportunity page: calls, roadmap, open commitments, the plan for the next call, and
snoozing the deal (a legitimate pause, with a reason and a restart date)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aba.coaching.plans import current_plan
from aba.core.vocabulary import CommitmentStatus, OpportunityStatus
from aba.sales.models import Commitment, Opportunity
from aba.sales.services.calls import set_commitment_status
from aba.sales.services.review import current_snooze, snooze, unsnooze
from aba.sales.visibility import visible_opportunities
from aba.web.forms import CommitmentStatusForm, SnoozeForm
from aba.web.highlight import highlight, reading_spans
from aba.web.views.common import current_user, is_htmx

TIMELINE_LENGTH = 50


def _visible(request: HttpRequest, pk: int) -> Opportunity:
    """The opportunity if the user may see it, else 404 (as for an id that does not exist)."""
    return get_object_or_404(
        visible_opportunities(current_user(request)).select_related(
            "account", "owner", "stage", "stage__team"
        ),
        pk=pk,
    )


def opportunity_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_page(request, _visible(request, pk))


def _render_page(
    request: HttpRequest,
    opp: Opportunity,
    snooze_form: SnoozeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    calls = list(
        opp.calls.select_related("rep")
        .prefetch_related("commitments")
        .order_by("-when", "-id")[:TIMELINE_LENGTH]
    )
    for call in calls:
        # The stored spans index aba's reading of these very notes, so they still line up.
        call.notes_html = highlight(call.notes, reading_spans(call.reading))  # type: ignore[attr-defined]
    pending = list(
        Commitment.objects.filter(
            call__opportunity=opp, status__in=[CommitmentStatus.OPEN, CommitmentStatus.MISSED]
        ).order_by("status", "due", "id")
    )
    logged = next((c for c in calls if str(c.pk) == request.GET.get("logged")), None)
    stages = list(opp.stage.team.stages.all())
    today = timezone.localdate()
    context = {
        "opp": opp,
        "calls": calls,
        "more_calls": opp.calls.count() > TIMELINE_LENGTH
        if len(calls) == TIMELINE_LENGTH
        else False,
        "pending": pending,
        "today": today,
        "stages": stages,
        "plan": current_plan(opp),
        "logged": logged,
        "snooze": current_snooze(opp, as_of=today),
        "snooze_form": snooze_form or SnoozeForm(),
    }
    return render(request, "web/opportunity.html", context, status=status)


@require_POST
def snooze_opportunity(request: HttpRequest, pk: int) -> HttpResponse:
    """Pause the deal's warnings until a restart date; errors show next to the fields."""
    opp = _visible(request, pk)
    form = SnoozeForm(request.POST)
    if opp.status != OpportunityStatus.OPEN:
        form.add_error(None, "Only an open opportunity can be snoozed.")
    if not form.is_valid():
        return _render_page(request, opp, form, status=422)
    data = form.cleaned_data
    snooze(opp, by=current_user(request), reason=data["reason"], until=data["until"])
    messages.success(request, f"Snoozed until {data['until']:%-d %B %Y}: it comes back by itself.")
    return redirect(reverse("opportunity", args=[opp.pk]) + "#snooze")


@require_POST
def end_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    """End the deal's snooze now: it is judged again in the review at once."""
    opp = _visible(request, pk)
    if unsnooze(opp, today=timezone.localdate()):
        messages.success(request, "Snooze ended: the deal is back in the review.")
    return redirect(reverse("opportunity", args=[opp.pk]) + "#snooze")


@require_POST
def commitment_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a commitment kept, missed or open again: one click from the opportunity page."""
    user = current_user(request)
    commitment = get_object_or_404(
        Commitment.objects.select_related("call__opportunity").filter(
            call__opportunity__in=visible_opportunities(user)
        ),
        pk=pk,
    )
    form = CommitmentStatusForm(request.POST)
    if not form.is_valid():
        raise Http404("Unknown status")
    set_commitment_status(commitment, form.cleaned_data["status"], by=user)
    commitment.refresh_from_db()
    if is_htmx(request):
        context = {"c": commitment, "today": timezone.localdate()}
        return render(request, "web/partials/commitment_row.html", context)
    messages.success(request, f"Commitment marked {commitment.get_status_display().lower()}.")
    return redirect(reverse("opportunity", args=[commitment.call.opportunity_id]) + "#commitments")
