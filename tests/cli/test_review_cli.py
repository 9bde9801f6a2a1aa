"""`aba review`, `aba snooze`, `aba figures`, `aba thresholds` through Typer's CliRunner."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
import typer
from typer.testing import CliRunner

from aba.cli import review as cli
from aba.sales.models import Call, Opportunity

app = typer.Typer()
for name in ("review", "snooze", "figures", "thresholds"):
    app.command(name)(getattr(cli, name))
runner = CliRunner()


def run(*args: str) -> typer.testing.Result:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def pipeline(org):
    Opportunity.objects.filter(pk=org.opp.pk).update(external_id="SF-1")
    when = dt.datetime(2026, 2, 25, 10, tzinfo=dt.UTC)
    Call.objects.create(
        opportunity=org.opp,
        rep=org.rep,
        when=when,
        outcome="continuation",
        stall="no_next_step",
        value_given=True,
    )
    return org


def test_review_json_is_the_contract_and_nothing_else(pipeline):
    doc = json.loads(run("review", "--as-of", "2026-03-02", "--json").stdout)
    assert doc["as_of"] == "2026-03-02"
    by_id = {o["id"]: o for o in doc["opportunities"]}
    assert by_id["SF-1"]["status"] == "stalled"
    assert by_id["SF-1"]["reasons"] == ["no_commitment", "no_advance_in_days"]
    assert by_id["SF-1"]["last_call"] == "2026-02-25" and by_id["SF-1"]["last_advance"] is None
    assert by_id["SF-1"]["open_commitments"] == []
    assert {o["reasons"][0] for o in doc["opportunities"] if o["id"] != "SF-1"} == {"no_calls"}


def test_review_filters_by_team_and_rep(pipeline):
    doc = json.loads(run("review", "--as-of", "2026-03-02", "--team", "Team B", "--json").stdout)
    assert [o["name"] for o in doc["opportunities"]] == ["Acme EU"]
    doc = json.loads(run("review", "--as-of", "2026-03-02", "--rep", "rita", "--json").stdout)
    assert [o["id"] for o in doc["opportunities"]] == ["SF-1"]


def test_review_table_shows_reasons_and_the_six_questions(pipeline, monkeypatch):
    monkeypatch.setattr(cli.console, "_width", 220)  # a wide terminal: no wrapped reasons
    out = run("review", "--as-of", "2026-03-02").stdout
    assert "Pipeline review as of 2026-03-02" in out
    assert "no_commitment" in out and "Acme platform" in out
    assert "The manager's questions" in out and "Last call gained no commitment" in out


def test_snooze_then_review_then_clear(pipeline):
    until = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    run("snooze", "SF-1", "--until", until, "--reason", "Budget freeze")
    doc = json.loads(run("review", "--json").stdout)
    sf1 = next(o for o in doc["opportunities"] if o["id"] == "SF-1")
    assert (sf1["status"], sf1["reasons"], sf1["snoozed_until"]) == ("snoozed", [], until)
    assert "Budget freeze" in run("snooze").stdout  # the list of active snoozes
    run("snooze", "SF-1", "--clear")
    doc = json.loads(run("review", "--json").stdout)
    assert next(o for o in doc["opportunities"] if o["id"] == "SF-1")["status"] == "stalled"


@pytest.mark.parametrize(
    "args, message",
    [
        (["snooze", "NOPE", "--until", "2999-01-01", "--reason", "x"], "no opportunity"),
        (["snooze", "SF-1", "--until", "2000-01-01", "--reason", "x"], "not in the future"),
        (["snooze", "SF-1", "--until", "2999-01-01"], "needs --until"),
        (["review", "--as-of", "March"], "is not a date"),
    ],
)
def test_errors_say_what_to_do(pipeline, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output


def test_figures_json(pipeline):
    doc = json.loads(run("figures", "--as-of", "2026-03-02", "--months", "2", "--json").stdout)
    rita = [f for f in doc["figures"] if f["name"] == "rita"]
    assert [(f["month"], f["calls"]) for f in rita] == [("2026-02", 1), ("2026-03", 0)]
    assert rita[0]["continuation_rate"] == 1.0 and rita[1]["advance_rate"] is None
    assert rita[1]["stalled_value"] == 50000.0
    assert "Advancing figures" in run("figures", "--as-of", "2026-03-02").stdout


def test_thresholds_json_and_chart(pipeline, tmp_path):
    chart = tmp_path / "t.svg"
    doc = json.loads(run("thresholds", "--team", "Team A", "--chart", str(chart), "--json").stdout)
    assert [s["stage"] for s in doc["stages"]][:2] == ["Prospecting", "Discovery"]
    assert all(s["proposed_days"] == 30 and not s["learned"] for s in doc["stages"])
    assert doc["applied"] == 0
    assert ET.parse(chart).getroot().tag.endswith("svg")
    result = runner.invoke(app, ["thresholds", "--chart", str(tmp_path / "t.png")])
    assert result.exit_code == 1 and "SVG" in result.output


def test_every_command_has_help_text():
    for name in ("review", "snooze", "figures", "thresholds"):
        assert (getattr(cli, name).__doc__ or "").strip(), name
        assert "Usage" in runner.invoke(app, [name, "--help"]).output
