"""Shared fixtures: a small sales organisation with one user per role, built per test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    """The default hasher costs ~0.5 s per password by design; tests need speed, not strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@dataclass
class Org:
    """Two teams; team A has a manager and two reps, team B a manager and a rep; one admin."""

    team_a: object
    team_b: object
    rep: object  # owns opportunity `opp`
    other_rep: object  # same team as rep
    foreign_rep: object  # team B
    manager: object  # manages team A
    foreign_manager: object  # manages team B
    admin: object
    account: object
    opp: object
    other_opp: object
    foreign_opp: object


@pytest.fixture
def org(db: None) -> Org:
    from aba.core.vocabulary import Role
    from aba.sales.models import Account, Opportunity
    from aba.sales.services.teams import save_user

    def user(name: str, role: Role, team: str | None) -> object:
        return save_user(
            username=name, role=role, team=team, password=PASSWORD, first_name=name.title()
        )[0]

    rep = user("rita", Role.REP, "Team A")
    other_rep = user("omar", Role.REP, "Team A")
    foreign_rep = user("fred", Role.REP, "Team B")
    manager = user("maya", Role.MANAGER, "Team A")
    foreign_manager = user("max", Role.MANAGER, "Team B")
    admin = user("ada", Role.ADMIN, None)
    account = Account.objects.create(name="Acme Corp", reorders=False)

    def opportunity(name: str, owner: object) -> object:
        return Opportunity.objects.create(
            account=account,
            name=name,
            owner=owner,
            stage=owner.team.stages.first(),
            amount=Decimal("50000"),
            created=dt.date(2026, 1, 5),
        )

    return Org(
        team_a=rep.team,
        team_b=foreign_rep.team,
        rep=rep,
        other_rep=other_rep,
        foreign_rep=foreign_rep,
        manager=manager,
        foreign_manager=foreign_manager,
        admin=admin,
        account=account,
        opp=opportunity("Acme platform", rep),
        other_opp=opportunity("Acme add-on", other_rep),
        foreign_opp=opportunity("Acme EU", foreign_rep),
    )
