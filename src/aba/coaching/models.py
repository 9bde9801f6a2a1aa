"""Coaching's own records: pre-call plans, mutual action plans and their shared links."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from aba.core.coaching.mutual_plan import StepSource, StepStatus
from aba.core.vocabulary import Party


class CallPlan(models.Model):
    """The rep's objective for the next call, recorded before it (Rackham's call planning)."""

    opportunity = models.ForeignKey(
        "sales.Opportunity", on_delete=models.CASCADE, related_name="call_plans"
    )
    best = models.CharField("best advance", max_length=300)
    minimum = models.CharField("minimum acceptable advance", max_length=300)
    planned_for = models.DateField("call date", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    used_by_call = models.ForeignKey(
        "sales.Call", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["opportunity", "used_by_call"])]

    def __str__(self) -> str:
        return f"{self.opportunity}: {self.best} / {self.minimum}"


class MutualPlanStep(models.Model):
    """One step of the plan both sides agree on, from now to signature."""

    opportunity = models.ForeignKey(
        "sales.Opportunity", on_delete=models.CASCADE, related_name="plan_steps"
    )
    key = models.CharField(max_length=120, help_text="Stable identity used to sync the plan.")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    owner = models.CharField(max_length=8, choices=[(p.value, p.value.title()) for p in Party])
    who = models.CharField(max_length=160, blank=True)
    due = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=8,
        choices=[(s.value, s.value.title()) for s in StepStatus],
        default=StepStatus.OPEN.value,
    )
    source = models.CharField(
        max_length=12, choices=[(s.value, s.value.title()) for s in StepSource]
    )
    commitment = models.ForeignKey(
        "sales.Commitment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["opportunity", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "key"], name="plan_step_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PlanShareLink(models.Model):
    """A private, read-only, revocable link that shows the customer the mutual action plan."""

    opportunity = models.ForeignKey(
        "sales.Opportunity", on_delete=models.CASCADE, related_name="plan_links"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Shared plan for {self.opportunity}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
