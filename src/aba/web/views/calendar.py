"""The calendar feed: a private iCalendar URL per user, and the page to rotate or revoke it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from aba.web.ics import build_calendar
from aba.web.models import CalendarFeed, new_feed_token
from aba.web.views.common import current_user


@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """Show the feed address; create, rotate (new address) or revoke it."""
    user = current_user(request)
    feed = CalendarFeed.objects.filter(user=user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("create", "rotate"):
            if feed is None:
                feed = CalendarFeed(user=user)
            feed.token, feed.created, feed.revoked_at = new_feed_token(), timezone.now(), None
            feed.save()
            messages.success(
                request,
                "Your calendar address is ready."
                if action == "create"
                else "New address created: the old one no longer works.",
            )
        elif action == "revoke" and feed is not None and feed.active:
            feed.revoked_at = timezone.now()
            feed.save(update_fields=["revoked_at"])
            messages.success(request, "Calendar address revoked: calendar apps stop updating.")
        return redirect("calendar")
    url = None
    if feed is not None and feed.active:
        url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))
    return render(request, "web/calendar.html", {"feed": feed, "feed_url": url})


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The .ics document; the unguessable token in the URL is the credential."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404("No such calendar")
    body = build_calendar(
        feed.user,
        host=request.get_host().split(":")[0],
        link=lambda pk: request.build_absolute_uri(reverse("opportunity", args=[pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="aba-commitments.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
