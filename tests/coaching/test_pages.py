"""Coaching pages: who sees them, the plan form, the mutual plan, the shared link, downloads."""

from __future__ import annotations

import datetime as dt
import email.policy
from email.parser import BytesParser

import pytest
from django.template import Context, Template
from icalendar import Calendar

from aba.coaching.models import CallPlan, MutualPlanStep, PlanShareLink
from tests.coaching.conftest import at_stage, log


def url(opp: object) -> str:
    return f"/coaching/opportunity/{opp.pk}/"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("who", "status"),
    [("rep", 200), ("manager", 200), ("admin", 200), ("other_rep", 404), ("foreign_manager", 404)],
)
def test_coaching_page_follows_visibility(client, org, who, status):
    client.force_login(getattr(org, who))
    assert client.get(url(org.opp)).status_code == status


def test_coaching_page_needs_login(client, org):
    response = client.get(url(org.opp))
    assert response.status_code == 302 and "login" in response["Location"]


def test_page_shows_advice_and_records_the_plan(client, org, people):
    opp = at_stage(org.opp, "Demo")
    log(opp, "Dana said they'll get back to us in a few weeks.", dt.date(2026, 3, 2), people[0])
    client.force_login(org.rep)
    body = client.get(url(opp)).content.decode()
    assert "Next advance to aim for" in body and "Carla Diaz (CFO)" in body
    assert "I understand you need time" in body and 'name="csrfmiddlewaretoken"' in body
    assert '<label for="id_best">Best advance' in body

    bad = client.post(f"{url(opp)}plan/", {"best": "Demo", "minimum": ""})
    assert bad.status_code == 400 and CallPlan.objects.count() == 0
    ok = client.post(f"{url(opp)}plan/", {"best": "Demo with Carla", "minimum": "Intro to CFO",
                                          "planned_for": "2026-03-10"})  # fmt: skip
    assert ok.status_code == 302
    log(opp, "Dana agreed to a demo with Carla next Tuesday.", dt.date.today(), people[0])
    body = client.get(url(opp)).content.decode()
    assert "Plan versus achieved" in body and "Achieved best" in body


def test_step_edit_and_cross_user_404(client, org):
    client.force_login(org.rep)
    client.get(url(org.opp))
    step = MutualPlanStep.objects.filter(opportunity=org.opp).first()
    prefix = f"step-{step.pk}"
    r = client.post(f"{url(org.opp)}steps/{step.pk}/",
                    {f"{prefix}-status": "done", f"{prefix}-due": "2026-03-20"})  # fmt: skip
    assert r.status_code == 302
    step.refresh_from_db()
    assert (step.status, step.due) == ("done", dt.date(2026, 3, 20))
    client.force_login(org.other_rep)
    r = client.post(f"{url(org.opp)}steps/{step.pk}/", {f"{prefix}-status": "open"})
    assert r.status_code == 404


def test_shared_plan_shows_only_the_plan_and_dies_when_revoked(client, org, people):
    log(org.opp, "Secret: budget is 80k. Dana agreed to a discovery meeting on March 12.",
        dt.date(2026, 3, 3), people[0])  # fmt: skip
    client.force_login(org.rep)
    client.post(f"{url(org.opp)}share/")
    link = PlanShareLink.objects.get(opportunity=org.opp)
    assert len(link.token) >= 32
    page = client.get(url(org.opp)).content.decode()
    assert link.token in page

    client.logout()
    shared = f"/coaching/shared/{link.token}/"
    response = client.get(shared)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Acme Corp" in body and "Acme platform" in body and "Signs the contract" in body
    for leak in (
        "Log a call",
        "Pipeline",
        "Acme add-on",
        "Acme EU",
        "50000",
        "50,000",
        "Secret",
        "80k",
        "rita",
        "/coaching/opportunity",
        "csrf",
        "aba.css",
    ):
        assert leak not in body, leak
    assert response["Cache-Control"] == "private, no-store"
    assert client.get("/coaching/shared/not-a-token/").status_code == 404

    client.force_login(org.other_rep)  # can't see the deal: can't revoke its link
    assert client.post(f"{url(org.opp)}share/revoke/").status_code == 404
    client.force_login(org.rep)
    assert client.post(f"{url(org.opp)}share/revoke/").status_code == 302
    client.logout()
    assert client.get(shared).status_code == 404


def test_followup_page_and_downloads(client, org, people):
    call = log(org.opp, "Dana agreed to start a pilot on March 10; I'll send the security "
               "questionnaire by Friday.", dt.date(2026, 3, 3), people[0])  # fmt: skip
    client.force_login(org.rep)
    page = client.get(f"/coaching/call/{call.pk}/followup/")
    assert page.status_code == 200 and "start a pilot" in page.content.decode()
    eml = client.get(f"/coaching/call/{call.pk}/followup.eml")
    assert eml["Content-Type"] == "message/rfc822"
    assert eml["Content-Disposition"].startswith('attachment; filename="followup-acme-corp-')
    msg = BytesParser(policy=email.policy.default).parsebytes(eml.content)
    assert msg["Subject"] and msg["To"]
    ics = client.get(f"/coaching/call/{call.pk}/followup.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == 2
    client.force_login(org.foreign_rep)
    assert client.get(f"/coaching/call/{call.pk}/followup.eml").status_code == 404


def test_template_tags(rf, org, people):
    opp = at_stage(org.opp, "Demo")
    call = log(opp, "Dana agreed to a demo with Carla next Tuesday.", dt.date(2026, 3, 3),
               people[0])  # fmt: skip
    request = rf.get("/")
    request.user = org.rep
    html = Template("{% load coaching %}{% coaching_panel opp %}|{% call_followup call %}").render(
        Context({"opp": opp, "call": call, "request": request})
    )
    panel, followup = html.split("|")
    assert "Aim for" in panel and f"/coaching/opportunity/{opp.pk}/" in panel
    assert f"/coaching/call/{call.pk}/followup/" in followup and ".ics" in followup
    empty = log(opp, "Quick hello.", dt.date(2026, 3, 4))
    assert "followup" not in Template("{% load coaching %}{% call_followup call %}").render(
        Context({"call": empty, "request": request})
    )
