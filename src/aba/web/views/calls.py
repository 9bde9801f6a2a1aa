"""Log a call: the page a rep opens after every call, with aba's live reading of the notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from aba.coaching.plans import current_plan
from aba.sales.models import Opportunity
from aba.sales.services.calls import log_call
from aba.web.forms import CommitmentFormSet, LogCallForm, loggable_opportunities
from aba.web.reading_panel import read_panel
from aba.web.views.common import current_user

MAX_READ_CHARS = 20_000


@dataclass(frozen=True)
class StatedCommitment:
    """A commitment as the rep corrected it (the record `log_call` takes)."""

    party: str
    who: str
    action: str
    due: dt.date | None
    due_text: str = ""
    vague: bool = False


def _opportunity(request: HttpRequest, value: object) -> Opportunity | None:
    """The visible open opportunity the form names, if any (ids from the client are untrusted)."""
    if not value or not str(value).isdigit():
        return None
    return (
        loggable_opportunities(current_user(request))
        .select_related("stage", "account")
        .filter(pk=int(str(value)))
        .first()
    )


def _date(value: object) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return timezone.localdate()


def _panel_context(request: HttpRequest, data: Any) -> dict[str, Any]:
    notes = str(data.get("notes", ""))[:MAX_READ_CHARS]
    opp = _opportunity(request, data.get("opportunity"))
    return {
        "panel": read_panel(notes, _date(data.get("when")), stage=opp.stage.name if opp else None)
    }


@require_http_methods(["GET", "POST"])
def log_call_page(request: HttpRequest) -> HttpResponse:
    """GET: the empty form (an opportunity may be preselected); POST: save or show the errors."""
    user = current_user(request)
    if request.method == "POST":
        form = LogCallForm(request.POST, user=user)
        stated = request.POST.get("commitments_stated") == "True"
        formset = CommitmentFormSet(request.POST, prefix="c") if stated else None
        if form.is_valid() and (formset is None or formset.is_valid()):
            call = _save(form, formset, user=user)
            messages.success(request, "Call saved.")
            url = reverse("opportunity", args=[call.opportunity_id])
            return redirect(f"{url}?logged={call.pk}#call-{call.pk}")
        context = {"form": form, "formset": formset, **_panel_context(request, request.POST)}
        return render(request, "web/log_call.html", context, status=422)
    initial: dict[str, Any] = {}
    opp = _opportunity(request, request.GET.get("opportunity"))
    if opp is not None:
        initial["opportunity"] = opp.pk
        plan = current_plan(opp)
        if plan:
            initial["planned_best"], initial["planned_minimum"] = plan
    form = LogCallForm(initial=initial, user=user)
    return render(request, "web/log_call.html", {"form": form, "formset": None, "panel": None})


def _save(form: LogCallForm, formset: Any, *, user: Any) -> Any:
    data = form.cleaned_data
    commitments = None
    if formset is not None:
        commitments = [
            StatedCommitment(party=f["party"], who=f["who"], action=f["action"], due=f["due"])
            for f in formset.cleaned_data
            if f and not f.get("DELETE") and f.get("action")
        ]
    when = dt.datetime.combine(data["when"], dt.time(12, 0), tzinfo=dt.UTC)
    return log_call(
        opportunity=data["opportunity"],
        rep=user,
        when=when,
        notes=data["notes"],
        outcome=data["outcome"] or None,
        stall=data["stall"] or None,
        commitments=commitments,
        planned_best=data["planned_best"],
        planned_minimum=data["planned_minimum"],
    )


@require_POST
def read_notes(request: HttpRequest) -> HttpResponse:
    """The reading panel for the notes typed so far (htmx, debounced by the page)."""
    context = {**_panel_context(request, request.POST), "oob": True}
    return render(request, "web/partials/reading.html", context)


@require_POST
def commitments_editor(request: HttpRequest) -> HttpResponse:
    """The commitments editor filled with aba's reading, for the rep to correct."""
    panel = _panel_context(request, request.POST)["panel"]
    initial = [
        {"party": c.party, "who": c.who, "action": c.action, "due": c.due}
        for c in (panel.commitments if panel else [])
    ]
    formset = CommitmentFormSet(prefix="c", initial=initial)
    return render(request, "web/partials/commitments_editor.html", {"formset": formset})
