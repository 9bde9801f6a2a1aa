"""Coaching from the database: the situation, plans, the mutual plan, follow-ups, the CLI."""

from __future__ import annotations

import datetime as dt
import email.policy
import json
from email.parser import BytesParser

import typer
from icalendar import Calendar
from typer.testing import CliRunner

from aba.cli import coach as coach_cli
from aba.coaching import services
from aba.coaching.models import CallPlan, MutualPlanStep
from aba.coaching.plans import current_plan
from aba.core.coaching import AdvanceKind
from aba.core.followup import eml_bytes, ics_bytes
from tests.coaching.conftest import AS_OF, at_stage, log


def test_two_opportunities_in_different_situations_get_different_advice(org, people):
    dana, carla = people
    demo_held = at_stage(org.opp, "Demo")
    log(
        demo_held,
        "Had the demo with Dana and Carla. Carla will share the success criteria by "
        "Friday and Dana agreed to send sample data Thursday.",
        dt.date(2026, 3, 2),
        dana,
        carla,
    )
    waiting = at_stage(org.other_opp, "Demo")
    log(waiting, "Dana said they'll get back to us in a few weeks.", dt.date(2026, 3, 2), dana)

    a, b = services.coach(demo_held, AS_OF), services.coach(waiting, AS_OF)
    assert a.next_advance.best_kind is not AdvanceKind.DEMO
    assert b.next_advance.best_kind is AdvanceKind.DEMO
    assert b.next_advance.minimum_kind is AdvanceKind.DECISION_MAKER
    assert "Carla Diaz (CFO)" in b.next_advance.minimum
    assert "waiting_on_prospect" in b.reasons and b.asks[0].key == "waiting_on_prospect"
    assert b.top_ask.startswith("Dana,") and "Tuesday 10 March" in b.top_ask
    assert a.top_ask != b.top_ask


def test_plan_is_used_by_the_next_call_and_checked(org, people):
    opp = at_stage(org.opp, "Demo")
    services.record_plan(opp, best="Demo with Carla and the team", minimum="Intro to the CFO",
                         by=org.rep)  # fmt: skip
    assert current_plan(opp) == ("Demo with Carla and the team", "Intro to the CFO")
    call = log(opp, "Great call. Dana agreed to a demo with the CFO next Tuesday.",
               dt.date.today(), people[0])  # fmt: skip
    call.refresh_from_db()
    assert call.planned_best == "Demo with Carla and the team"
    assert CallPlan.objects.get().used_by_call == call
    assert current_plan(opp) is None
    [check] = services.recent_checks(opp)
    assert check.check.result == "achieved_best"


def test_mutual_plan_is_seeded_and_updated_by_commitments_idempotently(org, people):
    opp = at_stage(org.opp, "Demo")
    steps = services.sync_mutual_plan(opp, AS_OF)
    titles = [s.title for s in steps]
    assert titles[0].startswith("Attends a demo") and titles[-1].startswith("Signs the contract")
    assert not any("discovery" in t.lower() for t in titles)  # stages already left: no steps
    assert all(s.due and s.status == "open" and s.source == "roadmap" for s in steps)

    log(opp, "Dana agreed to a demo with the team next Thursday. I'll send the agenda Monday.",
        dt.date(2026, 3, 3), people[0])  # fmt: skip
    steps = services.sync_mutual_plan(opp, AS_OF)
    demo = next(s for s in steps if s.title.startswith("Attends a demo"))
    assert demo.due == dt.date(2026, 3, 12) and demo.commitment_id is not None
    agenda = next(s for s in steps if "agenda" in s.title)
    assert agenda.owner == "rep" and agenda.source == "commitment"

    before = list(MutualPlanStep.objects.order_by("id").values())
    services.sync_mutual_plan(opp, AS_OF + dt.timedelta(days=3))
    assert list(MutualPlanStep.objects.order_by("id").values()) == before

    services.update_step(demo, status="dropped", due=None)  # the rep's edit survives a sync
    services.sync_mutual_plan(opp, AS_OF)
    demo.refresh_from_db()
    assert (demo.status, demo.due) == ("dropped", None)


def test_followup_email_and_invites(org, people):
    dana, _ = people
    call = log(
        org.opp,
        "Showed them the benchmark. Dana agreed to start a pilot on March 10; "
        "I'll send the security questionnaire by Friday.",
        dt.date(2026, 3, 3),
        dana,
    )
    f = services.followup_for(call)
    msg = BytesParser(policy=email.policy.default).parsebytes(eml_bytes(f))
    assert msg["To"].addresses[0].addr_spec == "dana@acme.example"
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Dana (Acme Corp): start a pilot" in body and "Tuesday 10 March 2026" in body
    assert "Rita (us): send the security questionnaire" in body
    events = Calendar.from_ical(ics_bytes(f)).walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == [dt.date(2026, 3, 6),
                                                            dt.date(2026, 3, 10)]  # fmt: skip


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(coach_cli.coach)
    return app


def test_cli_prints_coaching_by_public_id(org, people):
    opp = at_stage(org.opp, "Demo")
    opp.external_id = "SF-1"
    opp.save()
    log(opp, "I'll call Dana in a few weeks.", dt.date(2026, 3, 2), people[0])
    runner = CliRunner()
    result = runner.invoke(_cli(), ["SF-1", "--as-of", "2026-03-04"])
    assert result.exit_code == 0, result.output
    assert "Next advance" in result.output and "How to ask" in result.output
    assert "Mutual action plan" in result.output
    data = json.loads(runner.invoke(_cli(), ["SF-1", "--as-of", "2026-03-04", "--json"]).output)
    assert data["id"] == "SF-1" and "rep_followup_only" in data["reasons"]
    assert data["mutual_plan"] and data["next_advance"]["best_kind"] == "demo"
    missing = runner.invoke(_cli(), ["NOPE"])
    assert missing.exit_code == 1 and "no opportunity" in missing.output


def test_an_older_call_logged_late_leaves_the_plan_for_the_next_call(org):
    services.record_plan(org.opp, best="Demo", minimum="Intro to the CFO", by=org.rep)
    log(org.opp, "Imported from the CRM: demo booked Friday.", dt.date(2025, 1, 6))
    assert current_plan(org.opp) == ("Demo", "Intro to the CFO")
