"""Fixtures for the page tests: the shared `org`, with calls logged through the service."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from aba.sales.services.calls import log_call


@pytest.fixture(autouse=True)
def fresh_review_cache():
    """Reviews cached in memory by one test must not leak into the next."""
    from aba.web import review_cache

    review_cache.clear()
    yield
    review_cache.clear()


def when(days_ago: int) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


@pytest.fixture
def logged(org):
    """The rep's opportunity with one advance (a dated customer commitment) and a rep promise;
    the foreign rep's opportunity with one call, so its commitment exists too."""
    advance = log_call(
        opportunity=org.opp,
        rep=org.rep,
        when=when(3),
        notes="Demo went well. I will send the proposal by Friday. Their CFO agreed to a "
        f"pricing review on {(timezone.localdate() + dt.timedelta(days=4)):%B %-d}.",
    )
    foreign = log_call(
        opportunity=org.foreign_opp,
        rep=org.foreign_rep,
        when=when(2),
        notes=f"She will send the security questionnaire on {timezone.localdate():%B %-d}.",
    )
    return advance, foreign


@pytest.fixture
def rep_client(client, org):
    client.force_login(org.rep)
    return client


@pytest.fixture
def manager_client(client, org):
    client.force_login(org.manager)
    return client
