"""Snoozing a deal from its page: a reason and a restart day; it shows `snoozed` in the pipeline
and the review until then, managers see every snooze of their team, and it comes back by itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from aba.sales.models import Snooze
from aba.sales.services.calls import log_call
from aba.sales.services.review import snooze
from tests.web.conftest import when

REASON = "Customer froze budgets until their fiscal year starts on July 1"


def in_days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def stall(opp, rep) -> None:
    """A continuation with nothing agreed, long ago: the deal is stalled."""
    opp.created = timezone.localdate() - dt.timedelta(days=120)
    opp.save()
    log_call(opportunity=opp, rep=rep, when=when(60),
             notes="Nice chat about their plans. They will think about it.")  # fmt: skip


def post_snooze(client, opp, until, reason=REASON):
    return client.post(
        f"/opportunities/{opp.pk}/snooze/", {"reason": reason, "until": until.isoformat()}
    )


def test_a_rep_snoozes_their_deal_and_it_shows_snoozed_everywhere(client, org):
    stall(org.opp, org.rep)
    client.force_login(org.rep)
    assert "pill-stalled" in client.get("/pipeline/").content.decode()  # cached before the snooze

    response = post_snooze(client, org.opp, in_days(30))
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{org.opp.pk}/#snooze"
    z = Snooze.objects.get(opportunity=org.opp)
    assert (z.reason, z.until, z.created_by) == (REASON, in_days(30), org.rep)

    page = client.get(response["Location"]).content.decode()
    assert "Snoozed until" in page and 'data-testid="snooze-status"' in page
    assert REASON in page and "Rita" in page and "End the snooze now" in page

    pipeline = client.get("/pipeline/").content.decode()  # at once, despite the cached review
    assert "pill-snoozed" in pipeline and "pill-stalled" not in pipeline and REASON in pipeline

    client.force_login(org.manager)
    review = client.get("/review/").content.decode()
    snoozed = review[review.index('id="snoozes"') :]
    assert "Acme platform" in snoozed and REASON in snoozed and "Rita" in snoozed
    assert f"{in_days(30):%-d %b %Y}" in snoozed


@pytest.mark.django_db(transaction=True)  # each request commits, as in production
def test_ending_the_snooze_brings_the_deal_back_at_once(client, org):
    stall(org.opp, org.rep)
    snooze(org.opp, by=org.rep, reason=REASON, until=in_days(30))
    client.force_login(org.rep)
    assert "pill-snoozed" in client.get("/pipeline/").content.decode()
    response = client.post(f"/opportunities/{org.opp.pk}/snooze/end/")
    assert response.status_code == 302
    assert Snooze.objects.get(opportunity=org.opp).until == timezone.localdate()
    # No new row: only the signal's version bump tells the cached review the deal is back.
    pipeline = client.get("/pipeline/").content.decode()
    assert "pill-stalled" in pipeline and "pill-snoozed" not in pipeline
    page = client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert "Snooze the deal" in page and "End the snooze now" not in page


def test_a_foreign_deal_cannot_be_snoozed_nor_woken(client, org):
    client.force_login(org.rep)
    assert post_snooze(client, org.foreign_opp, in_days(30)).status_code == 404
    assert post_snooze(client, org.other_opp, in_days(30)).status_code == 404  # teammate's
    snooze(org.foreign_opp, by=org.foreign_rep, reason=REASON, until=in_days(30))
    assert client.post(f"/opportunities/{org.foreign_opp.pk}/snooze/end/").status_code == 404
    assert Snooze.objects.get().until == in_days(30)
    assert client.get(f"/opportunities/{org.opp.pk}/snooze/").status_code == 405


@pytest.mark.parametrize(
    ("until", "error"),
    [
        (lambda: timezone.localdate().isoformat(), "Choose a day after today"),
        (lambda: in_days(-3).isoformat(), "Choose a day after today"),
        (lambda: in_days(365 * 30).isoformat(), "That is more than 2 years away: check the year"),
        (lambda: "next july", "Enter the date as YYYY-MM-DD"),
        (lambda: "", "Choose the day the deal comes back"),
    ],
)
def test_a_bad_restart_day_is_shown_next_to_the_field_with_the_input_kept(
    rep_client, org, until, error
):
    response = rep_client.post(
        f"/opportunities/{org.opp.pk}/snooze/", {"reason": REASON, "until": until()}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert f'<p class="error" id="id_until_error">{error}' in body
    assert 'aria-invalid="true"' in body and 'aria-describedby="id_until_error' in body
    assert f'value="{REASON}"' in body  # the reason typed is kept
    assert not Snooze.objects.exists()


def test_a_snooze_needs_a_reason(rep_client, org):
    response = rep_client.post(
        f"/opportunities/{org.opp.pk}/snooze/", {"reason": "   ", "until": in_days(9)}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="id_reason_error">Say why the deal is paused' in body
    assert f'value="{in_days(9).isoformat()}"' in body
    assert not Snooze.objects.exists()


def test_a_closed_deal_cannot_be_snoozed(rep_client, org):
    org.opp.status, org.opp.closed = "lost", timezone.localdate()
    org.opp.save()
    response = post_snooze(rep_client, org.opp, in_days(30))
    assert response.status_code == 422
    assert "Only an open opportunity can be snoozed" in response.content.decode()
    assert not Snooze.objects.exists()


def test_the_manager_sees_and_ends_the_teams_snoozes(client, org):
    snooze(org.opp, by=org.rep, reason=REASON, until=in_days(30))
    snooze(org.other_opp, by=org.other_rep, reason="Merger under way", until=in_days(10))
    snooze(org.foreign_opp, by=org.foreign_rep, reason="Team B's pause", until=in_days(20))
    client.force_login(org.manager)
    review = client.get("/review/").content.decode()
    snoozed = review[review.index('id="snoozes"') :]
    assert "Snoozed deals" in snoozed and "(2)" in snoozed
    # soonest restart first
    assert snoozed.index("Merger under way") < snoozed.index(REASON)
    assert "Team B" not in snoozed and "Acme EU" not in snoozed
    narrowed = client.get("/review/", {"rep": "omar"}).content.decode()
    narrowed = narrowed[narrowed.index('id="snoozes"') :]
    assert "Merger under way" in narrowed and REASON not in narrowed
    # a manager sees the rep's deal, its snooze and may end it
    page = client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert REASON in page and "End the snooze now" in page
    assert client.post(f"/opportunities/{org.opp.pk}/snooze/end/").status_code == 302
    assert Snooze.objects.get(opportunity=org.opp).until == timezone.localdate()
    client.force_login(org.admin)
    review = client.get("/review/").content.decode()
    assert "Team B&#x27;s pause" in review and "Merger under way" in review


def test_a_snooze_expires_and_the_deal_comes_back_stalled(client, org, monkeypatch):
    stall(org.opp, org.rep)
    client.force_login(org.rep)
    assert post_snooze(client, org.opp, in_days(5)).status_code == 302
    assert "pill-snoozed" in client.get("/pipeline/").content.decode()

    restart = in_days(5)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: restart)
    pipeline = client.get("/pipeline/").content.decode()
    assert "pill-stalled" in pipeline and "pill-snoozed" not in pipeline
    page = client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert "Snooze the deal" in page and REASON not in page
    client.force_login(org.manager)
    review = client.get("/review/").content.decode()
    assert "No deal is snoozed." in review
    assert "Acme platform" in review[review.index('id="drill"') :]  # stalled again
