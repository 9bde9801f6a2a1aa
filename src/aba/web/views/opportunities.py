"""The opportunity page: calls, roadmap, open commitments, the plan for the next call."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aba.coaching.plans import current_plan
from aba.core.vocabulary import CommitmentStatus
from aba.sales.models import Commitment
from aba.sales.services.calls import set_commitment_status
from aba.sales.visibility import visible_opportunities
from aba.web.forms import CommitmentStatusForm
from aba.web.highlight import highlight, reading_spans
from aba.web.views.common import current_user, is_htmx

TIMELINE_LENGTH = 50


def opportunity_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    opp = get_object_or_404(
        visible_opportunities(user).select_related("account", "owner", "stage", "stage__team"),
        pk=pk,
    )
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
    context = {
        "opp": opp,
        "calls": calls,
        "more_calls": opp.calls.count() > TIMELINE_LENGTH
        if len(calls) == TIMELINE_LENGTH
        else False,
        "pending": pending,
        "today": timezone.localdate(),
        "stages": stages,
        "plan": current_plan(opp),
        "logged": logged,
    }
    return render(request, "web/opportunity.html", context)


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
