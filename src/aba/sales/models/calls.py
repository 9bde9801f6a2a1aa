"""Calls and the commitments made on them: the raw material of every review."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aba.core.vocabulary import CommitmentStatus, Outcome, Party, Stall


class OutcomeSource(models.TextChoices):
    STATED = "stated", "Stated by the rep"
    READ = "read", "Read by aba from the notes"
    UNKNOWN = "unknown", "Unknown"


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(m.value, m.value.replace("_", " ").capitalize()) for m in enum]


class Call(models.Model):
    external_id = models.CharField(max_length=80, unique=True, null=True, blank=True)
    opportunity = models.ForeignKey(
        "sales.Opportunity", on_delete=models.CASCADE, related_name="calls"
    )
    rep = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="calls"
    )
    when = models.DateTimeField()
    contacts = models.ManyToManyField("sales.Contact", blank=True, related_name="calls")
    planned_best = models.CharField("planned best advance", max_length=300, blank=True)
    planned_minimum = models.CharField("planned minimum advance", max_length=300, blank=True)
    notes = models.TextField(blank=True)
    outcome = models.CharField(max_length=16, choices=_choices(Outcome), null=True, blank=True)
    outcome_source = models.CharField(
        max_length=8, choices=OutcomeSource.choices, default=OutcomeSource.UNKNOWN
    )
    stall = models.CharField(max_length=24, choices=_choices(Stall), null=True, blank=True)
    asked = models.BooleanField(
        "asked for a commitment",
        default=False,
        help_text="The rep asked for a commitment or order.",
    )
    value_given = models.BooleanField(default=False)
    value_kinds = models.JSONField(default=list, blank=True)
    learned = models.TextField("what was learned", blank=True)
    reading = models.JSONField(
        null=True, blank=True, help_text="aba's reading of the notes, kept to improve the reader."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-when", "-id"]
        indexes = [
            models.Index(fields=["opportunity", "when"]),
            models.Index(fields=["rep", "when"]),
            models.Index(fields=["when"]),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity} on {self.when:%Y-%m-%d}"

    @property
    def corrected(self) -> bool:
        """The rep stated an outcome that differs from aba's reading."""
        return bool(
            self.reading
            and self.outcome_source == OutcomeSource.STATED
            and self.reading.get("outcome") != self.outcome
        )


class Commitment(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="commitments")
    party = models.CharField(max_length=8, choices=_choices(Party))
    who = models.CharField(max_length=160, blank=True)
    contact = models.ForeignKey(
        "sales.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=500)
    due = models.DateField(null=True, blank=True)
    due_text = models.CharField(max_length=120, blank=True)
    vague = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=_choices(CommitmentStatus), default=CommitmentStatus.OPEN
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    resolved_at = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["party", "status", "due"])]

    def __str__(self) -> str:
        due = f" by {self.due}" if self.due else ""
        return f"{self.who or self.party}: {self.action}{due}"
