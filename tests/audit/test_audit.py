"""The audit trail: who changed an outcome, a commitment or an owner, and when; managers see
their team's, admins all, reps none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory

from aba.audit.context import acting_as
from aba.audit.middleware import ActingUser
from aba.audit.models import AuditEntry
from aba.sales.models import Call, Commitment, Opportunity
from aba.sales.services.imports.canonical import parse_files
from aba.sales.services.imports.writer import apply_batch


def log_call(opp: Any, rep: Any, outcome: str = "continuation") -> Call:
    call = Call.objects.create(
        opportunity=opp,
        rep=rep,
        when=dt.datetime(2026, 2, 3, tzinfo=dt.UTC),
        notes="They will think about it.",
        outcome=outcome,
    )
    Commitment.objects.create(
        call=call, party="customer", who="Anna", action="send the RFP", due=dt.date(2026, 2, 10)
    )
    return call


def entries() -> list[tuple[str, str, str, str, str, str]]:
    return [
        (e.who_name, e.via, e.object_type, e.field, e.old_value, e.new_value)
        for e in AuditEntry.objects.order_by("id")
    ]


def test_creating_is_not_a_change(org: Any) -> None:
    log_call(org.opp, org.rep)
    assert entries() == []


def test_outcome_change_records_who_when_and_values(org: Any) -> None:
    call = log_call(org.opp, org.rep)
    before = dt.datetime.now(dt.UTC)
    with acting_as(org.manager, via="web"):
        call.outcome, call.outcome_source = "advance", "stated"
        call.save()
    assert entries() == [
        ("maya", "web", "call", "outcome", "continuation", "advance"),
        ("maya", "web", "call", "outcome_source", "unknown", "stated"),
    ]
    entry = AuditEntry.objects.first()
    assert entry.who == org.manager and entry.opportunity == org.opp
    assert entry.object_id == str(call.pk) and entry.when >= before


def test_commitment_changes_and_unchanged_saves(org: Any) -> None:
    commitment = log_call(org.opp, org.rep).commitments.get()
    with acting_as(org.rep, via="api"):
        commitment.save()  # nothing changed: nothing recorded
        commitment.status = "kept"
        commitment.due = "2026-02-12"  # a string that means a date still compares by meaning
        commitment.action = "send the signed RFP"
        commitment.save()
        commitment.save(update_fields=["who"])  # no audited field: not even a query
    assert entries() == [
        ("rita", "api", "commitment", "status", "open", "kept"),
        ("rita", "api", "commitment", "due", "2026-02-10", "2026-02-12"),
        ("rita", "api", "commitment", "action", "send the RFP", "send the signed RFP"),
    ]
    assert {e.opportunity_id for e in AuditEntry.objects.all()} == {org.opp.pk}


def test_owner_change_names_both_users(org: Any) -> None:
    with acting_as(org.admin, via="cli"):
        org.opp.owner = org.other_rep
        org.opp.save()
    assert entries() == [
        (
            "ada",
            "cli",
            "opportunity",
            "owner",
            f"rita (#{org.rep.pk})",
            f"omar (#{org.other_rep.pk})",
        )
    ]


def test_without_an_actor_aba_itself_is_recorded(org: Any, tmp_path: Path) -> None:
    opps = tmp_path / "o.csv"
    opps.write_text(
        "id,account,name,owner,stage,amount,status,created,closed,reorder\n"
        "X-1,Acme Corp,Deal,rita,Discovery,10,open,2026-01-05,,false\n"
    )
    apply_batch(parse_files([opps]))
    opps.write_text(opps.read_text().replace(",rita,", ",omar,"))
    apply_batch(parse_files([opps]))
    assert entries() == [
        (
            "",
            "system",
            "opportunity",
            "owner",
            f"rita (#{org.rep.pk})",
            f"omar (#{org.other_rep.pk})",
        )
    ]
    assert AuditEntry.objects.get().who is None


def test_middleware_attributes_the_request_user(org: Any) -> None:
    call = log_call(org.opp, org.rep)

    def view(request: Any) -> Any:
        call.outcome = "no_sale"
        call.save()
        return "ok"

    request = RequestFactory().post("/api/v1/calls/1")
    request.user = org.rep
    assert ActingUser(view)(request) == "ok"
    assert entries()[0][:4] == ("rita", "api", "call", "outcome")
    call.outcome = "order"
    call.save()  # after the request: no actor leaks from it
    assert entries()[-1][:2] == ("", "system")


@pytest.fixture
def trail(org: Any) -> Any:
    """An owner change on team A's deal (team B's deal has none)."""
    with acting_as(org.admin):
        org.opp.owner = org.other_rep
        org.opp.save()
    return org


def page(user: Any, query: str = "") -> Any:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(f"/audit/{query}")


def test_managers_see_their_team_admins_all(trail: Any) -> None:
    mine, theirs = trail.opp.name, trail.foreign_opp.name
    manager = page(trail.manager)
    assert manager.status_code == 200
    assert mine in manager.content.decode() and theirs not in manager.content.decode()
    foreign = page(trail.foreign_manager).content.decode()
    assert theirs not in foreign and mine not in foreign  # team B's deal had no change
    admin = page(trail.admin).content.decode()
    assert mine in admin
    assert page(trail.rep).status_code == 403
    assert page(trail.foreign_rep).status_code == 403
    anonymous = page(None)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_filter_by_opportunity_hides_other_teams(trail: Any) -> None:
    assert page(trail.manager, f"?opportunity={trail.opp.pk}").status_code == 200
    assert page(trail.manager, f"?opportunity={trail.foreign_opp.pk}").status_code == 404
    assert page(trail.manager, "?opportunity=nope").status_code == 404
    assert page(trail.admin, f"?opportunity={trail.foreign_opp.pk}").status_code == 200


def test_the_trail_cannot_be_edited_in_admin(org: Any) -> None:
    with acting_as(org.admin):
        org.opp.owner = org.other_rep
        org.opp.save()
    client = Client()
    client.force_login(org.admin)
    entry = AuditEntry.objects.get()
    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.get(f"/admin/audit/auditentry/{entry.pk}/change/").status_code == 200  # view
    assert (
        client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert client.get("/admin/audit/auditentry/add/").status_code == 403
    assert Opportunity.objects.filter(pk=org.opp.pk).exists() and AuditEntry.objects.count() == 1


def test_the_acting_user_middleware_is_installed(settings: Any) -> None:
    """Without it every change made through pages and API is recorded as aba's own."""
    middleware = settings.MIDDLEWARE
    assert "aba.audit.middleware.ActingUser" in middleware
    assert middleware.index("aba.audit.middleware.ActingUser") > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )
