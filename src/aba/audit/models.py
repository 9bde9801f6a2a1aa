"""The audit trail: one row per changed field of a call, a commitment or an opportunity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntry(models.Model):
    """Who changed which field of what, when, from which value to which.

    `who_name` keeps the actor's name when the user is later deleted; `opportunity` scopes the
    entry so a manager sees exactly the entries of their team's deals.
    """

    when = models.DateTimeField(default=timezone.now, db_index=True)
    who = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    who_name = models.CharField(max_length=160, blank=True)
    via = models.CharField(max_length=16, help_text="web, api, cli, import or system")
    action = models.CharField(max_length=16, default="changed")
    object_type = models.CharField(max_length=32)
    object_id = models.CharField(max_length=40)
    field = models.CharField(max_length=40)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    opportunity = models.ForeignKey(
        "sales.Opportunity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["opportunity", "when"])]

    def __str__(self) -> str:
        return (
            f"{self.who_name or 'aba'} changed {self.object_type} {self.object_id} "
            f"{self.field}: {self.old_value!r} -> {self.new_value!r}"
        )
