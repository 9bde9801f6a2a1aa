"""The API's coaching of one opportunity and its snoozes: the same content as the CLI and the
pages, the same visibility (404 for a deal you may not see), errors with field and problem."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from aba.coaching.services import coaching_json
from aba.sales.models import Snooze
from aba.sales.services.calls import log_call
from aba.sales.services.review import snooze

REASON = "Customer froze budgets until their fiscal year starts on July 1"


def in_days(n: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=n)).isoformat()


def test_coaching_is_the_cli_json_for_a_visible_opportunity(org, api_as):
    log_call(
        opportunity=org.opp,
        rep=org.rep,
        when=dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC),
        notes="Nice chat with Anna. They will think about it.",
    )
    for user in (org.rep, org.manager, org.admin):
        response = api_as(user).get(f"/opportunities/{org.opp.pk}/coaching", as_of="2026-03-10")
        assert response.status_code == 200, response.content
        body = response.json()
        assert body == coaching_json(org.opp, dt.date(2026, 3, 10))
        assert body["as_of"] == "2026-03-10" and body["opportunity"] == "Acme platform"
        assert body["next_advance"]["best"] and body["asks"]
        assert body["reasons"]  # the review's reasons for this deal, judged on its own rows
    today = api_as(org.rep).get(f"/opportunities/{org.opp.pk}/coaching").json()
    assert today["as_of"] == timezone.localdate().isoformat()


def test_coaching_of_an_invisible_opportunity_is_404(org, api_as):
    api = api_as(org.rep)
    for opp_id in (org.other_opp.pk, org.foreign_opp.pk, 999999):
        response = api.get(f"/opportunities/{opp_id}/coaching")
        assert response.status_code == 404
        assert response.json()["detail"][0]["problem"].startswith("no opportunity")
    bad = api.get(f"/opportunities/{org.opp.pk}/coaching", as_of="yesterday")
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "query.as_of"


def test_snooze_and_end_it(org, api_as):
    api = api_as(org.rep)
    response = api.post(
        f"/opportunities/{org.opp.pk}/snooze", {"reason": REASON, "until": in_days(30)}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reason"] == REASON and body["until"] == in_days(30)
    assert body["created_by"] == "rita" and body["opportunity_id"] == org.opp.pk
    review = api_as(org.manager).get("/review").json()["opportunities"]
    row = next(r for r in review if r["name"] == "Acme platform")
    assert (row["status"], row["snoozed_until"], row["snooze_reason"]) == (
        "snoozed",
        in_days(30),
        REASON,
    )

    ended = api_as(org.manager).delete(f"/opportunities/{org.opp.pk}/snooze")
    assert ended.status_code == 200 and ended.json() == {"ended": 1}
    assert Snooze.objects.get().until == timezone.localdate()
    review = api.get("/review").json()["opportunities"]
    assert review[0]["status"] != "snoozed"
    assert api.delete(f"/opportunities/{org.opp.pk}/snooze").json() == {"ended": 0}


def test_snoozing_someone_elses_deal_is_404(org, api_as):
    api = api_as(org.rep)
    for opp in (org.other_opp, org.foreign_opp):
        response = api.post(
            f"/opportunities/{opp.pk}/snooze", {"reason": REASON, "until": in_days(9)}
        )
        assert response.status_code == 404
    snooze(
        org.foreign_opp,
        by=org.foreign_rep,
        reason=REASON,
        until=timezone.localdate() + dt.timedelta(days=9),
    )
    assert api.delete(f"/opportunities/{org.foreign_opp.pk}/snooze").status_code == 404
    assert Snooze.objects.get().until > timezone.localdate()


def test_a_snooze_needs_a_reason_and_a_restart_day_ahead(org, api_as):
    api = api_as(org.rep)
    path = f"/opportunities/{org.opp.pk}/snooze"
    cases = [
        ({"reason": REASON, "until": in_days(0)}, "body.until", "after today"),
        ({"reason": REASON, "until": in_days(-5)}, "body.until", "after today"),
        ({"reason": REASON, "until": in_days(3000)}, "body.until", "within"),
        ({"reason": REASON, "until": "July 1"}, "body.until", "ISO date"),
        ({"reason": "   ", "until": in_days(5)}, "body.reason", "at least 1"),
        ({"reason": "x" * 301, "until": in_days(5)}, "body.reason", "at most 300"),
        ({"until": in_days(5)}, "body.reason", "required"),
    ]
    for body, field, words in cases:
        response = api.post(path, body)
        assert response.status_code == 422, (body, response.content)
        problem = response.json()["detail"][0]
        assert problem["field"] == field and words in problem["problem"], (body, problem)
    assert not Snooze.objects.exists()


def test_a_closed_deal_cannot_be_snoozed(org, api_as):
    org.opp.status, org.opp.closed = "won", timezone.localdate()
    org.opp.save()
    response = api_as(org.rep).post(
        f"/opportunities/{org.opp.pk}/snooze", {"reason": REASON, "until": in_days(5)}
    )
    assert response.status_code == 422
    assert "only an open one can be snoozed" in response.json()["detail"][0]["problem"]
    assert not Snooze.objects.exists()
