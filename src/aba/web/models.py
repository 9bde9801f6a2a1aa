"""Web-only state: each user's private calendar feed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_feed_token() -> str:
    """32 random bytes: unguessable, so the URL itself is the credential."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A user's private iCalendar URL of the commitments on their opportunities.

    The token is kept in clear (unlike API tokens) because calendar apps are set up on several
    devices and the user must be able to copy the address again; it only reveals what the
    database already holds, and the user can rotate or revoke it at any time.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "calendar feed"

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class PipelineVersion(models.Model):
    """One row counting committed changes to what the review reads (calls, commitments,
    snoozes, opportunities, stages, teams), so every process can tell its cached review is stale.
    Bumped once per transaction by aba.web.review_cache's signal handlers."""

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "pipeline version"

    def __str__(self) -> str:
        return f"pipeline version {self.version}"
