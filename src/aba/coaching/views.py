"""Coaching pages: thin adapters over aba.coaching.services; visibility decides who sees what."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from aba.coaching import services
from aba.coaching.followups import filename
from aba.coaching.forms import PlanForm, StepForm
from aba.coaching.models import MutualPlanStep
from aba.core.followup import email_text, eml_bytes, ics_bytes
from aba.sales.models import Call, Opportunity, User
from aba.sales.visibility import visible_calls, visible_opportunities


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware guarantees a user here
    return user


def _opportunity(request: HttpRequest, pk: int) -> Opportunity:
    """The opportunity if this user may see it; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(
        visible_opportunities(_user(request)).select_related("account", "stage", "owner"), pk=pk
    )


def _call(request: HttpRequest, pk: int) -> Call:
    return get_object_or_404(
        visible_calls(_user(request)).select_related("opportunity__account", "rep"), pk=pk
    )


def _page(
    request: HttpRequest, opp: Opportunity, plan_form: PlanForm | None = None
) -> HttpResponse:
    coaching = services.coach(opp)
    steps = services.sync_mutual_plan(opp)
    if plan_form is None:
        plan = services.open_plan(opp)
        initial = (
            {"best": plan.best, "minimum": plan.minimum, "planned_for": plan.planned_for}
            if plan
            else {"best": coaching.next_advance.best, "minimum": coaching.next_advance.minimum}
        )
        plan_form = PlanForm(initial=initial)
    link = services.active_link(opp)
    context = {
        "opp": opp,
        "coaching": coaching,
        "plan": services.open_plan(opp),
        "plan_form": plan_form,
        "checks": services.recent_checks(opp),
        "steps": [
            (s, StepForm(prefix=f"step-{s.pk}", initial={"status": s.status, "due": s.due}))
            for s in steps
        ],
        "link": link,
        "share_url": request.build_absolute_uri(reverse("coaching:shared", args=[link.token]))
        if link
        else None,
    }
    status = 400 if plan_form.is_bound and plan_form.errors else 200
    return render(request, "coaching/opportunity.html", context, status=status)


@require_GET
def opportunity_coaching(request: HttpRequest, pk: int) -> HttpResponse:
    """Next advance, ask language, value ideas, the call plan and the mutual action plan."""
    return _page(request, _opportunity(request, pk))


@require_POST
def save_plan(request: HttpRequest, pk: int) -> HttpResponse:
    opp = _opportunity(request, pk)
    form = PlanForm(request.POST)
    if not form.is_valid():
        return _page(request, opp, form)
    services.record_plan(
        opp,
        best=form.cleaned_data["best"],
        minimum=form.cleaned_data["minimum"],
        planned_for=form.cleaned_data["planned_for"],
        by=_user(request),
    )
    messages.success(request, "Plan saved: it will be filled in when you log the call.")
    return redirect("coaching:opportunity", pk=opp.pk)


@require_POST
def save_step(request: HttpRequest, pk: int, step_id: int) -> HttpResponse:
    opp = _opportunity(request, pk)
    step = get_object_or_404(MutualPlanStep, pk=step_id, opportunity=opp)
    form = StepForm(request.POST, prefix=f"step-{step.pk}")
    if not form.is_valid():
        messages.error(request, f"Step not saved: {form.errors.as_text()}")
    else:
        services.update_step(step, status=form.cleaned_data["status"], due=form.cleaned_data["due"])
        messages.success(request, f"Step updated: {step.title}.")
    return redirect(reverse("coaching:opportunity", args=[opp.pk]) + "#mutual-plan")


@require_POST
def share(request: HttpRequest, pk: int) -> HttpResponse:
    opp = _opportunity(request, pk)
    services.share_plan(opp, by=_user(request))
    messages.success(request, "Share link ready: send it to the customer.")
    return redirect(reverse("coaching:opportunity", args=[opp.pk]) + "#share")


@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    opp = _opportunity(request, pk)
    services.revoke_plan_links(opp)
    messages.success(request, "Share link revoked: it no longer works.")
    return redirect(reverse("coaching:opportunity", args=[opp.pk]) + "#share")


@require_GET
def followup(request: HttpRequest, pk: int) -> HttpResponse:
    """The follow-up email to copy, with .eml and .ics downloads."""
    call = _call(request, pk)
    f = services.followup_for(call)
    return render(
        request,
        "coaching/followup.html",
        {"call": call, "opp": call.opportunity, "f": f, "text": email_text(f)},
    )


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def followup_eml(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    return _download(
        eml_bytes(services.followup_for(call)), "message/rfc822", filename(call, "eml")
    )


@require_GET
def followup_ics(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    return _download(
        ics_bytes(services.followup_for(call)), "text/calendar; charset=utf-8",
        filename(call, "ics"),
    )  # fmt: skip


@login_not_required
@require_GET
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The customer's read-only view of the plan: account, opportunity, steps, nothing else."""
    found = services.shared_plan(token)
    if found is None:
        raise Http404("This link is no longer shared.")
    opp, _ = found
    steps = services.sync_mutual_plan(opp)
    rep = opp.owner.get_short_name() or opp.owner.username
    response = render(request, "coaching/shared_plan.html", {
        "account": opp.account.name, "opportunity": opp.name, "rep": rep,
        "steps": [s for s in steps if s.status != "dropped"],
    })  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
