"""The opportunity page: timeline, roadmap, commitments marked kept or missed in one click."""

from __future__ import annotations

from aba.sales.models import Commitment


def test_timeline_roadmap_and_pending(rep_client, org, logged):
    body = rep_client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert "pricing review" in body and "<mark>" in body
    assert f"pill-{logged[0].outcome}" in body
    assert "Buyer&#x27;s roadmap" in body or "Buyer's roadmap" in body
    stage = org.opp.stage
    for advance in stage.advance_list():
        assert advance in body
    assert 'aria-current="step"' in body
    assert "Mark kept" in body and "Mark missed" in body
    assert "No plan yet" in body


def test_mark_kept_in_one_click_with_htmx(rep_client, org, logged):
    commitment = Commitment.objects.filter(call__opportunity=org.opp, party="customer").get()
    response = rep_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "kept"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="commitment-{commitment.pk}"')
    assert "Kept" in body and "Undo" in body
    commitment.refresh_from_db()
    assert commitment.status == "kept" and commitment.resolved_at is not None


def test_mark_missed_without_javascript(rep_client, org, logged):
    commitment = Commitment.objects.filter(call__opportunity=org.opp, party="customer").get()
    response = rep_client.post(f"/commitments/{commitment.pk}/status/", {"status": "missed"})
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{org.opp.pk}/#commitments"
    commitment.refresh_from_db()
    assert commitment.status == "missed"
    page = rep_client.get(response["Location"]).content.decode()
    assert "Commitment marked missed" in page and "pill-c-missed" in page


def test_foreign_commitment_is_404(rep_client, org, logged):
    foreign = Commitment.objects.filter(call__opportunity=org.foreign_opp).first()
    assert foreign is not None
    response = rep_client.post(f"/commitments/{foreign.pk}/status/", {"status": "kept"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "open"


def test_bad_status_is_rejected(rep_client, org, logged):
    commitment = Commitment.objects.filter(call__opportunity=org.opp).first()
    response = rep_client.post(f"/commitments/{commitment.pk}/status/", {"status": "nope"})
    assert response.status_code == 404
    assert rep_client.get(f"/commitments/{commitment.pk}/status/").status_code == 405


def test_followup_panel_after_logging(rep_client, org, logged):
    call = logged[0]
    body = rep_client.get(f"/opportunities/{org.opp.pk}/?logged={call.pk}").content.decode()
    assert "just-logged" in body and 'aria-label="After the call"' in body


def test_plan_shown(rep_client, org, monkeypatch):
    from aba.web.views import opportunities

    monkeypatch.setattr(opportunities, "current_plan", lambda opp: ("Pilot", "Intro to CFO"))
    body = rep_client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert "Best advance" in body and "Pilot" in body and "Intro to CFO" in body
