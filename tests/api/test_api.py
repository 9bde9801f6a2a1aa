"""The API through Django's test client: visibility per role, calls with readings, commitments,
errors with field and problem, and the stateless reader."""

from __future__ import annotations

import datetime as dt

import pytest

from aba.sales.models import Call, Commitment, Contact
from aba.sales.services.calls import log_call

NOTE = "Demo went well. Their CIO agreed to a pilot; she will send the signed pilot plan by Friday."


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_each_role_sees_only_its_opportunities(org, api_as):
    everyone = {org.opp.pk, org.other_opp.pk, org.foreign_opp.pk}
    assert ids(api_as(org.rep).get("/opportunities")) == {org.opp.pk}
    assert ids(api_as(org.manager).get("/opportunities")) == {org.opp.pk, org.other_opp.pk}
    assert ids(api_as(org.foreign_manager).get("/opportunities")) == {org.foreign_opp.pk}
    assert ids(api_as(org.admin).get("/opportunities")) == everyone


def test_an_invisible_opportunity_is_404_not_403(org, api_as):
    api = api_as(org.rep)
    assert api.get(f"/opportunities/{org.opp.pk}").json()["name"] == "Acme platform"
    for path in (f"/opportunities/{org.other_opp.pk}", "/opportunities/999999"):
        response = api.get(path)
        assert response.status_code == 404
        assert response.json()["detail"][0]["problem"].startswith("no opportunity")
    response = api.post(
        f"/opportunities/{org.foreign_opp.pk}/calls",
        {"when": "2026-03-02T10:00:00Z", "notes": NOTE},
    )
    assert response.status_code == 404
    assert not Call.objects.exists()


def test_filters_and_pagination(org, api_as):
    api = api_as(org.admin)
    page = api.get("/opportunities", limit=2, offset=0).json()
    assert page["count"] == 3 and len(page["items"]) == 2 and page["limit"] == 2
    assert len(api.get("/opportunities", limit=2, offset=2).json()["items"]) == 1
    assert ids(api.get("/opportunities", owner="fred")) == {org.foreign_opp.pk}
    assert ids(api.get("/opportunities", q="add-on")) == {org.other_opp.pk}
    assert ids(api.get("/opportunities", status="won")) == set()


def test_a_query_parameter_given_twice_is_refused_by_name(org, api_as):
    api = api_as(org.admin)
    response = api.get("/opportunities", q=["add-on", "platform"], owner="fred")
    assert response.status_code == 422
    assert response.json() == {"detail": [{"field": "q", "problem": "given more than once"}]}


def test_posting_a_call_stores_and_returns_the_reading(org, api_as):
    response = api_as(org.rep).post(
        f"/opportunities/{org.opp.pk}/calls", {"when": "2026-03-02T10:00:00Z", "notes": NOTE}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["outcome"] == "advance" and body["outcome_source"] == "read"
    assert body["reading"]["outcome"] == "advance"
    assert body["rep"] == org.rep.username
    customer = [c for c in body["commitments"] if c["party"] == "customer"]
    assert "2026-03-06" in {c["due"] for c in customer}
    call = Call.objects.get(pk=body["id"])
    assert call.reading["outcome"] == "advance" and call.commitments.count() == len(
        body["commitments"]
    )


def test_a_stated_outcome_wins_and_the_reading_is_kept(org, api_as):
    response = api_as(org.rep).post(
        f"/opportunities/{org.opp.pk}/calls",
        {
            "when": "2026-03-02T10:00:00",
            "notes": NOTE,
            "outcome": "continuation",
            "stall": "waiting_on_prospect",
            "commitments": [],
        },
    )
    body = response.json()
    assert body["outcome"] == "continuation" and body["outcome_source"] == "stated"
    assert body["stall"] == "waiting_on_prospect" and body["corrected"] is True
    assert body["reading"]["outcome"] == "advance" and body["commitments"] == []


def test_validation_errors_name_field_and_problem(org, api_as):
    api = api_as(org.rep)
    response = api.post(
        f"/opportunities/{org.opp.pk}/calls",
        {"when": "yesterday", "notes": "x", "outcome": "maybe"},
    )
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["detail"]}
    assert {"body.when", "body.outcome"} <= fields
    response = api.post(
        f"/opportunities/{org.opp.pk}/calls",
        {"when": "2026-03-02T10:00:00", "notes": "x", "stall": "no_next_step"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "body.stall"
    assert api.get("/opportunities", limit=0).status_code == 422
    bad = api.client.post(
        "/api/v1/read", "{not json", content_type="application/json", headers=api.headers
    )
    assert bad.status_code == 400 and bad.json()["detail"][0]["problem"]


def test_contacts_must_belong_to_the_account(org, api_as):
    other = Contact.objects.create(account=org.account, name="Carla CIO")
    from aba.sales.models import Account

    stranger = Contact.objects.create(account=Account.objects.create(name="Other"), name="X")
    api = api_as(org.rep)
    path = f"/opportunities/{org.opp.pk}/calls"
    ok = api.post(path, {"when": "2026-03-02T10:00:00", "notes": NOTE, "contacts": [other.pk]})
    assert ok.status_code == 201
    assert list(Call.objects.get(pk=ok.json()["id"]).contacts.all()) == [other]
    bad = api.post(path, {"when": "2026-03-02T10:00:00", "notes": NOTE, "contacts": [stranger.pk]})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "body.contacts"


def _call(org, opportunity, rep):
    return log_call(
        opportunity=opportunity,
        rep=rep,
        when=dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC),
        notes=NOTE,
    )


def test_calls_and_commitments_follow_visibility(org, api_as):
    mine, foreign = _call(org, org.opp, org.rep), _call(org, org.foreign_opp, org.foreign_rep)
    rep = api_as(org.rep)
    assert ids(rep.get("/calls")) == {mine.pk}
    assert rep.get(f"/calls/{foreign.pk}").status_code == 404
    theirs = Commitment.objects.filter(call=foreign).first()
    assert rep.patch(f"/commitments/{theirs.pk}", {"status": "kept"}).status_code == 404
    commitments = rep.get("/commitments", party="customer").json()
    assert commitments["count"] >= 1
    assert {c["opportunity_id"] for c in commitments["items"]} == {org.opp.pk}
    assert ids(api_as(org.admin).get("/calls", opportunity=org.foreign_opp.pk)) == {foreign.pk}


@pytest.mark.parametrize("status", ["kept", "missed", "open"])
def test_mark_commitment(org, api_as, status):
    commitment = _call(org, org.opp, org.rep).commitments.first()
    response = api_as(org.manager).patch(f"/commitments/{commitment.pk}", {"status": status})
    assert response.status_code == 200, response.content
    commitment.refresh_from_db()
    assert commitment.status == status
    assert (commitment.resolved_at is None) == (status == "open")
    listed = api_as(org.rep).get("/commitments", status=status).json()["items"]
    assert commitment.pk in {c["id"] for c in listed}


def test_read_many_notes_without_storing(org, api_as):
    response = api_as(org.rep).post(
        "/read",
        {
            "notes": [
                {"id": "a", "text": NOTE, "date": "2026-03-02"},
                {"id": "b", "text": "They loved it. Will get back to me."},
            ]
        },
    )
    assert response.status_code == 200, response.content
    a, b = response.json()
    assert (a["id"], a["outcome"], b["id"], b["outcome"]) == ("a", "advance", "b", "continuation")
    assert a["commitments"][0]["span"]
    assert not Call.objects.exists()
    too_many = api_as(org.rep).post("/read", {"notes": [{"text": "x"}] * 501})
    assert too_many.status_code == 422


def test_every_operation_is_documented(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["info"]["title"] == "aba API"
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description"), f"{method.upper()} {path} has no description"
            assert "401" in operation["responses"], f"{method.upper()} {path}"
    assert client.get("/api/v1/docs").status_code == 200


def test_review_is_the_cli_json_for_what_the_user_sees(org, api_as):
    from aba.sales.services.review import review_pipeline

    _call(org, org.opp, org.rep)
    response = api_as(org.rep).get("/review", as_of="2026-03-10")
    assert response.status_code == 200, response.content
    expected = review_pipeline(user=org.rep, as_of=dt.date(2026, 3, 10)).to_json()
    assert response.json() == expected
    assert {o["name"] for o in response.json()["opportunities"]} == {"Acme platform"}
    admin = api_as(org.admin).get("/review", as_of="2026-03-10", team="Team B").json()
    assert {o["name"] for o in admin["opportunities"]} == {"Acme EU"}


def test_figures(org, api_as):
    _call(org, org.opp, org.rep)
    response = api_as(org.manager).get("/figures", months=3, as_of="2026-03-31")
    assert response.status_code == 200, response.content
    rows = response.json()["figures"]
    assert any(r["name"] == "rita" and r["month"] == "2026-03" and r["calls"] == 1 for r in rows)
    assert api_as(org.rep).get("/figures", months=99).status_code == 422
