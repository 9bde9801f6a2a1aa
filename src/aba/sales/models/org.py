"""Who sells: teams, their users and roles, and each team's stages (the buyer's roadmap)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from aba.core.vocabulary import Role

DEFAULT_NO_ADVANCE_DAYS = 30


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    no_advance_days = models.PositiveIntegerField(
        default=DEFAULT_NO_ADVANCE_DAYS,
        help_text="Days without an advance before a deal counts as stalled, unless its stage "
        "sets its own threshold.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person using aba; the role decides what they may see."""

    role = models.CharField(
        max_length=16, choices=[(r.value, r.name.title()) for r in Role], default=Role.REP
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER

    @property
    def is_admin_role(self) -> bool:
        return self.role == Role.ADMIN or self.is_superuser

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Stage(models.Model):
    """A step of a team's sales process with the advance that typically moves a buyer out of it."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)
    typical_advances = models.TextField(
        blank=True,
        help_text="One advance per line: the customer actions that move a buyer out of this stage.",
    )
    threshold_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Days without an advance before a deal in this stage counts as stalled; "
        "empty uses the team's default.",
    )
    threshold_learned = models.BooleanField(
        default=False, help_text="The threshold was learned from won and lost deals."
    )

    class Meta:
        ordering = ["team", "position"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="stage_unique_name_per_team")
        ]

    def __str__(self) -> str:
        return self.name

    def advance_list(self) -> list[str]:
        return [line.strip() for line in self.typical_advances.splitlines() if line.strip()]

    def effective_threshold(self) -> int:
        return self.threshold_days or self.team.no_advance_days
