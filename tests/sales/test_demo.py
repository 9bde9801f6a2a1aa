"""The demo company: deterministic, complete (every outcome, stall and pipeline shape), consistent
(notes agree with the stored verdicts), and safe (never loads into a database holding data)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import stat
import statistics

import pytest
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django.test import RequestFactory
from typer.testing import CliRunner

from aba.cli.main import app
from aba.core.dates import find_due_phrases
from aba.core.vocabulary import Outcome, Party, Reason, ReviewStatus, Role, Stall
from aba.sales.demo import story
from aba.sales.demo.dates import exact_candidates
from aba.sales.models import Account, Call, Commitment, Contact, Opportunity, Snooze, User
from aba.sales.services.demo import DemoRefused, generate_demo, stored_logins
from aba.sales.services.review import review_pipeline

TODAY = dt.date(2026, 3, 16)
SECRET = "demo-password-for-tests"


@pytest.fixture
def demo(db):
    return generate_demo(opportunities=60, seed=3, today=TODAY, password=SECRET)


def digest() -> str:
    """A fingerprint of everything generated, in a fixed order and without database ids."""
    h = hashlib.sha256()
    for row in Opportunity.objects.order_by("id").values_list(
        "name",
        "account__name",
        "owner__username",
        "stage__name",
        "amount",
        "status",
        "created",
        "closed",
    ):
        h.update(repr(row).encode())
    for row in Call.objects.order_by("id").values_list(
        "opportunity__name",
        "when",
        "notes",
        "outcome",
        "outcome_source",
        "stall",
        "asked",
        "value_kinds",
        "learned",
        "planned_best",
    ):
        h.update(repr(row).encode())
    for row in Commitment.objects.order_by("id").values_list(
        "call__notes", "party", "who", "action", "due", "due_text", "vague", "status"
    ):
        h.update(repr(row).encode())
    for row in Contact.objects.order_by("id").values_list(
        "account__name", "account__industry", "account__reorders", "name", "title", "email"
    ):
        h.update(repr(row).encode())
    return h.hexdigest()


def generated_digest(seed: int) -> str:
    """Generate into the empty database, fingerprint, and roll back (flush cannot run inside a
    test's transaction on PostgreSQL)."""
    with transaction.atomic():
        generate_demo(opportunities=60, seed=seed, today=TODAY, password=SECRET)
        found = digest()
        transaction.set_rollback(True)
    return found


@pytest.mark.django_db
def test_same_seed_and_day_give_the_same_company():
    first = generated_digest(3)
    assert not Opportunity.objects.exists()
    assert generated_digest(3) == first
    assert generated_digest(4) != first


def test_demo_has_every_outcome_stall_and_status(demo):
    assert demo.opportunities == Opportunity.objects.count() == 60
    assert demo.calls == Call.objects.count() > 300
    assert set(Call.objects.values_list("outcome", flat=True)) == {o.value for o in Outcome}
    assert set(Call.objects.exclude(stall=None).values_list("stall", flat=True)) == {
        s.value for s in Stall
    }
    assert set(Opportunity.objects.values_list("status", flat=True)) == {"open", "won", "lost"}
    assert set(Call.objects.values_list("outcome_source", flat=True)) == {"stated", "read"}
    assert Opportunity.objects.filter(account__reorders=True).exists()
    assert Opportunity.objects.filter(account__reorders=False).exists()
    assert Snooze.objects.filter(until__gt=TODAY).exclude(reason="").exists()
    assert Call.objects.exclude(planned_best="").exists()


def test_calls_are_by_the_owner_in_business_hours_before_today(demo):
    assert not Call.objects.exclude(rep=F("opportunity__owner")).exists()
    for when in Call.objects.values_list("when", flat=True):
        assert when.date() < TODAY and when.weekday() < 5 and 8 <= when.hour < 17


def test_closed_deals_end_with_their_deciding_call(demo):
    for opp in Opportunity.objects.exclude(status="open").prefetch_related("calls"):
        last = max(opp.calls.all(), key=lambda c: c.when)
        assert last.outcome == ("order" if opp.status == "won" else "no_sale")
        assert last.when.date() == opp.closed
    assert not Call.objects.filter(outcome="order").exclude(opportunity__status="won").exists()


def test_commitments_agree_with_outcomes_and_notes(demo):
    for call in Call.objects.prefetch_related("commitments", "contacts"):
        promises = list(call.commitments.all())
        met = {c.pk for c in call.contacts.all()}
        assert met and all(c.contact_id in met for c in promises if c.party == Party.CUSTOMER)
        customer = [c for c in promises if c.party == Party.CUSTOMER]
        rep = [c for c in promises if c.party == Party.REP]
        if call.outcome == Outcome.ADVANCE:
            assert any(not c.vague and c.due for c in customer), call.notes
        if call.stall == Stall.REP_FOLLOWUP_ONLY:
            assert rep and not customer, call.notes
        if call.stall == Stall.NO_NEXT_STEP:
            assert not promises, call.notes
        if call.stall == Stall.WAITING_ON_PROSPECT:
            assert all(c.vague for c in customer) and not rep, call.notes
        phrases = find_due_phrases(call.notes, call.when.date())
        for c in promises:
            assert c.vague or c.due, c
            assert c.due_text in call.notes, (c.due_text, call.notes)
            if c.due_text and c.due_text.lower() != "asap":
                # The note's words for the date mean the stored date (aba's date conventions).
                found = find_due_phrases(c.due_text, call.when.date())
                assert found and all(p.due == c.due for p in found), (c.due_text, c.due)
        # No date words in a note except its commitments' due dates (and past dates).
        texts = [c.due_text.lower() for c in promises if c.due_text]
        for p in phrases:
            assert p.past or any(p.text.lower() in t for t in texts), (p.text, call.notes)


def test_open_pipeline_has_every_review_shape(demo):
    review = review_pipeline(as_of=TODAY)
    statuses = {r.status for r in review.rows}
    assert {ReviewStatus.ADVANCING, ReviewStatus.STALLED, ReviewStatus.SNOOZED} <= statuses
    reasons = {reason for r in review.rows for reason in r.reasons}
    assert reasons == set(Reason)
    advancing = len(review.by_status(ReviewStatus.ADVANCING))
    stalled = len(review.by_status(ReviewStatus.STALLED))
    assert 0.15 < advancing / (advancing + stalled) < 0.85


def test_logins_work_and_have_their_roles(demo):
    request = RequestFactory().post("/accounts/login/")
    users = {}
    for role, username, password in demo.logins:
        user = authenticate(request, username=username, password=password)
        assert user is not None and user.role == role
        users[role] = user
    assert [u for _, u, _ in demo.logins] == ["rep", "manager", "admin"]
    assert users["manager"].team == users["rep"].team is not None
    assert users["admin"].is_superuser and users["admin"].role == Role.ADMIN
    reps = User.objects.filter(role=Role.REP)
    assert 10 <= reps.count() <= 14 and User.objects.filter(role=Role.MANAGER).count() == 3
    assert Opportunity.objects.filter(owner=users["rep"]).exists()


@pytest.mark.django_db
def test_generated_passwords_are_stored_privately(monkeypatch, tmp_path):
    monkeypatch.setenv("ABA_DATA_DIR", str(tmp_path))
    result = generate_demo(opportunities=5, seed=1, today=TODAY)
    path = tmp_path / "demo-logins.txt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stored_logins() == list(result.logins)
    assert len({password for _, _, password in result.logins}) == 3


def test_demo_refuses_a_database_with_data(demo, monkeypatch, tmp_path):
    monkeypatch.setenv("ABA_DATA_DIR", str(tmp_path))
    before = digest()
    with pytest.raises(DemoRefused, match="fresh ABA_DATA_DIR"):
        generate_demo(opportunities=5, seed=1, today=TODAY)
    runner = CliRunner()
    result = runner.invoke(app, ["demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "already holds data" in result.output
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 1
    assert digest() == before and Account.objects.count() == demo.accounts


def test_lost_deals_waited_longer_since_their_last_advance():
    """The signal threshold learning needs: the longer since an advance, the worse the odds."""
    rng = random.Random(11)
    start = TODAY - dt.timedelta(days=273)
    waits: dict[bool, list[int]] = {True: [], False: []}
    for i in range(300):
        plan = story.plan_closed(rng, TODAY, start, won=i % 2 == 0)
        advances = [c.day for c in plan.calls[:-1] if c.outcome == Outcome.ADVANCE]
        waits[i % 2 == 0].append((plan.closed - (advances[-1] if advances else plan.created)).days)
    assert statistics.median(waits[False]) > statistics.median(waits[True]) + 21
    won_beyond = sum(w > 30 for w in waits[True]) / len(waits[True])
    lost_beyond = sum(w > 30 for w in waits[False]) / len(waits[False])
    assert lost_beyond > 3 * won_beyond


def test_every_way_of_writing_a_due_date_means_that_date():
    """The phrases reps use ("Fri", "next Tues", "the 14th", "3/12", "EOW") resolve, under aba's
    date conventions, to the due date the demo stores with them."""
    for offset in range(14):
        call = dt.date(2025, 12, 22) + dt.timedelta(days=offset)  # across a year end
        for delta in range(1, 70):
            due = call + dt.timedelta(days=delta)
            for british in (False, True):
                for short in (False, True):
                    for _, text, _, _ in exact_candidates(call, due, british=british, short=short):
                        found = find_due_phrases(text, call)
                        assert found and all(p.due == due for p in found), (call, due, text)
                        # British voices write "12 March", never a numeric date.
                        assert not british or not re.search(r"\d[/-]\d", text), text
