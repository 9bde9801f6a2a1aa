"""The reviews the pages reuse: judged once per data change, never stale for a rep's own page."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from aba.sales.models import Commitment
from aba.sales.services.calls import log_call, set_commitment_status
from aba.web import review_cache
from aba.web.review_cache import cached_review, data_version
from tests.web.conftest import when


def test_same_data_same_review(org, logged):
    today = timezone.localdate()
    first = cached_review(user=org.rep, rep="rita", as_of=today)
    again = cached_review(user=org.rep, rep="rita", as_of=today)
    assert again.review is first.review and not again.stale
    # a manager of the team shares nothing with the rep: another scope, another review
    assert cached_review(user=org.manager, as_of=today).review is not first.review


def test_a_new_call_is_seen_at_once_on_a_reps_page(org, logged):
    today = timezone.localdate()
    before = cached_review(user=org.rep, rep="rita", as_of=today)
    log_call(opportunity=org.opp, rep=org.rep, when=when(0), notes="They signed the PO.")
    after = cached_review(user=org.rep, rep="rita", as_of=today)
    assert after.review is not before.review
    assert after.review.rows[0].last_call == today


@pytest.mark.django_db(transaction=True)
def test_committed_changes_bump_the_version(org, logged):
    before = data_version()[0] or 0
    commitment = Commitment.objects.filter(call__opportunity=org.opp).first()
    set_commitment_status(commitment, "kept", by=org.rep)  # no new row: only the counter tells
    assert data_version()[0] == before + 1
    with transaction.atomic():  # many saves in one transaction: one bump
        set_commitment_status(commitment, "missed", by=org.rep)
        set_commitment_status(commitment, "open", by=org.rep)
    assert data_version()[0] == before + 2


def test_a_login_does_not_bump(org, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.force_login(org.rep)  # stamps last_login
    assert review_cache._bump not in callbacks


@pytest.mark.django_db(transaction=True)
def test_team_review_is_shown_while_the_new_one_is_judged(org):
    today = timezone.localdate()
    first = cached_review(user=org.manager, as_of=today, allow_stale=True)
    log_call(opportunity=org.other_opp, rep=org.other_rep, when=when(0), notes="PO received.")
    shown = cached_review(user=org.manager, as_of=today, allow_stale=True)
    assert shown.review is first.review and shown.stale
    review_cache.wait_for_refreshes()
    fresh = cached_review(user=org.manager, as_of=today, allow_stale=True)
    assert fresh.review is not first.review and not fresh.stale
    assert any(r.last_call == today for r in fresh.review.rows)
