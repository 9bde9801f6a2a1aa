"""What is being sold to whom: accounts, contacts, opportunities, and legitimate pauses."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aba.core.vocabulary import BuyingRole, OpportunityStatus


class Account(models.Model):
    name = models.CharField(max_length=200, unique=True)
    reorders = models.BooleanField(
        default=False,
        help_text="The account re-orders what we sell: "
        "the rep must ask for the order on every call.",
    )
    industry = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=160)
    title = models.CharField(max_length=160, blank=True)
    buying_role = models.CharField(
        max_length=20,
        choices=[(r.value, r.name.replace("_", " ").title()) for r in BuyingRole],
        default=BuyingRole.INFLUENCER,
    )
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["account", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.title})" if self.title else self.name


class Opportunity(models.Model):
    external_id = models.CharField(
        max_length=80, unique=True, null=True, blank=True, help_text="The id in the source CRM."
    )
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="opportunities")
    name = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="opportunities"
    )
    stage = models.ForeignKey("sales.Stage", on_delete=models.PROTECT, related_name="opportunities")
    amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    status = models.CharField(
        max_length=8,
        choices=[(s.value, s.name.title()) for s in OpportunityStatus],
        default=OpportunityStatus.OPEN,
    )
    created = models.DateField()
    closed = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "id"]
        verbose_name_plural = "opportunities"
        indexes = [models.Index(fields=["owner", "status"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def public_id(self) -> str:
        """The id other systems know it by: the CRM's when imported, else aba's."""
        return self.external_id or str(self.pk)


class Snooze(models.Model):
    """A legitimate pause: the review shows the deal as snoozed until `until`, then by itself
    brings it back, so warnings stay worth reading."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="snoozes")
    reason = models.CharField(max_length=300)
    until = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-until"]
        indexes = [models.Index(fields=["opportunity", "until"])]

    def __str__(self) -> str:
        return f"{self.opportunity} snoozed until {self.until}"
