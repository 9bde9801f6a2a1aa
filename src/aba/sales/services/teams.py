"""Teams, their stages and their users."""

from __future__ import annotations

from django.db import transaction

from aba.core.roadmap import DEFAULT_ROADMAP
from aba.core.vocabulary import Role
from aba.sales.models import Stage, Team, User


@transaction.atomic
def ensure_team(name: str) -> Team:
    """The team called `name`, created with the default buyer's roadmap when new."""
    team, created = Team.objects.get_or_create(name=name)
    if created:
        Stage.objects.bulk_create(
            Stage(
                team=team, name=s.name, position=i, typical_advances="\n".join(s.typical_advances)
            )
            for i, s in enumerate(DEFAULT_ROADMAP)
        )
    return team


def ensure_stage(team: Team, name: str) -> Stage:
    """The team's stage called `name` (case-insensitive), appended to the roadmap when new."""
    stage = Stage.objects.filter(team=team, name__iexact=name).first()
    if stage is None:
        last = Stage.objects.filter(team=team).order_by("-position").first()
        stage = Stage.objects.create(
            team=team, name=name, position=(last.position + 1) if last else 0
        )
    return stage


@transaction.atomic
def save_user(
    *,
    username: str,
    role: Role | None = None,
    team: str | None = None,
    password: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    email: str | None = None,
) -> tuple[User, bool]:
    """Create or update a user; an admin also gets Django admin access."""
    user, created = User.objects.get_or_create(username=username)
    if created and password is None:
        user.set_unusable_password()
    if role is not None:
        user.role = role
    if team is not None:
        user.team = ensure_team(team) if team else None
    if password is not None:
        user.set_password(password)
    for field, value in (("first_name", first_name), ("last_name", last_name), ("email", email)):
        if value is not None:
            setattr(user, field, value)
    is_admin = user.role == Role.ADMIN
    user.is_staff = is_admin or user.is_superuser
    user.is_superuser = is_admin or (user.is_superuser and not created and role is None)
    user.save()
    return user, created
