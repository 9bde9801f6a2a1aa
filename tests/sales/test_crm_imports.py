"""CRM imports and exports: each vendor's real export columns, all-or-nothing with problems named
by file, line, column and value, mapping files, and import -> export -> import round trips."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aba.sales.models import Account, Call, Commitment, Opportunity
from aba.sales.services.exports.hubspot import export_hubspot
from aba.sales.services.exports.pipedrive import export_pipedrive
from aba.sales.services.exports.salesforce import export_salesforce
from aba.sales.services.imports import ImportFailed, hubspot, pipedrive, salesforce
from aba.sales.services.imports.mapping import load_mapping, owner_username
from aba.sales.services.imports.writer import apply_batch

DATA = Path(__file__).resolve().parents[1] / "data" / "crm"
REAL_SALESFORCE = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "salesforce-sample"
)
SF_DATALOADER = ["salesforce-Opportunity.csv", "salesforce-Task.csv", "salesforce-Account.csv"]
SF_REPORT = ["salesforce-report-opportunities.csv", "salesforce-report-activities.csv"]
HUBSPOT = ["hubspot-deals.csv", "hubspot-calls.csv", "hubspot-notes.csv"]
PIPEDRIVE = ["pipedrive-deals.csv", "pipedrive-activities.csv", "pipedrive-notes.csv"]


def files(*names: str) -> list[Path]:
    return [DATA / n for n in names]


def do_import(module, paths, mapping=None, dry_run=False):
    batch, skipped = module.parse_files(paths, mapping)
    return apply_batch(batch, dry_run=dry_run), skipped


def snapshot() -> dict[str, list[tuple]]:
    """Everything an import decides, keyed by CRM ids so two databases compare."""
    return {
        "opportunities": sorted(
            Opportunity.objects.values_list(
                "external_id",
                "name",
                "account__name",
                "owner__username",
                "stage__name",
                "amount",
                "status",
                "created",
                "closed",
            )
        ),
        "calls": sorted(
            Call.objects.values_list(
                "external_id",
                "opportunity__external_id",
                "when",
                "rep__username",
                "notes",
                "outcome",
                "stall",
            )
        ),
        "commitments": sorted(
            Commitment.objects.values_list("call__external_id", "party", "action", "due")
        ),
    }


def wipe() -> None:
    Commitment.objects.all().delete()
    Call.objects.all().delete()
    Opportunity.objects.all().delete()
    Account.objects.all().delete()


def by_name() -> dict[str, Opportunity]:
    return {o.name: o for o in Opportunity.objects.select_related("owner", "account")}


@pytest.mark.skipif(
    not REAL_SALESFORCE.is_dir(),
    reason="the shared Salesforce sample (../shared/data/salesforce-sample) is absent",
)
def test_real_salesforce_data_loader_export(db):
    paths = [REAL_SALESFORCE / n for n in ("Opportunity.csv", "Task.csv", "Account.csv")]
    summary, skipped = do_import(salesforce, paths)
    assert summary.opportunities_created == 50 and summary.calls_created == 0
    assert skipped == 75  # its tasks are not calls on opportunities
    statuses = list(Opportunity.objects.values_list("status", flat=True))
    assert (statuses.count("won"), statuses.count("lost"), statuses.count("open")) == (12, 3, 35)
    first = Opportunity.objects.get(external_id="006Ec00000AieKFIAZ")
    assert first.account.name == "Patterson-Hansen"  # resolved through Account.csv
    assert first.owner.username == "005Ec000004oBPNIA2" and first.closed is None
    assert str(first.amount) == "1124741.15" and first.created.isoformat() == "2024-01-22"


@pytest.mark.parametrize(
    ("module", "names", "owner"),
    [
        (salesforce, SF_DATALOADER, "005Dn000000DanaIAA"),
        (salesforce, SF_REPORT, "dana.scully"),
        (hubspot, HUBSPOT, "dana.scully"),
        (pipedrive, PIPEDRIVE, "dana.scully"),
    ],
)
def test_each_crm_export_maps_onto_aba(db, module, names, owner):
    summary, skipped = do_import(module, files(*names))
    assert summary.opportunities_created == 3
    assert skipped >= 1  # a non-call activity, or one on no deal
    deals = by_name()
    globex = next(o for name, o in deals.items() if name.startswith("Globex"))
    assert globex.status == "open" and globex.owner.username == owner
    assert globex.account.name == "Globex" and str(globex.amount) == "120000.00"
    statuses = sorted(o.status for o in deals.values())
    assert statuses == ["lost", "open", "won"]
    won = next(o for o in deals.values() if o.status == "won")
    assert won.closed.isoformat() == "2026-01-15"
    outcomes = {c.notes[:12]: c.outcome for c in Call.objects.filter(opportunity=globex)}
    assert outcomes == {"Demo went we": "advance", "They loved i": "continuation"}
    first = Call.objects.filter(opportunity=globex).order_by("when").first()
    assert first.outcome_source == "read" and "<p>" not in first.notes
    assert first.commitments.filter(party="customer").exists()


@pytest.mark.parametrize(
    ("module", "names", "export"),
    [
        (salesforce, SF_DATALOADER, export_salesforce),
        (hubspot, HUBSPOT, export_hubspot),
        (pipedrive, PIPEDRIVE, export_pipedrive),
    ],
)
def test_round_trip_import_export_import(db, tmp_path, module, names, export):
    do_import(module, files(*names))
    before = snapshot()
    written = export(tmp_path)
    # Re-importing into the same database changes nothing and duplicates nothing...
    summary, _ = do_import(module, written)
    assert summary.opportunities_created == 0 and summary.calls_created == 0
    assert snapshot() == before
    # ...and into an empty one gives the same data.
    wipe()
    do_import(module, written)
    assert snapshot() == before


def test_exports_carry_next_step_status_and_commitments(db, tmp_path):
    import csv
    import datetime as dt

    from aba.sales.services.calls import log_call

    do_import(salesforce, files(*SF_DATALOADER))
    globex = Opportunity.objects.get(external_id="006Dn000001AbCdIAK")
    log_call(
        opportunity=globex,
        rep=globex.owner,
        when=dt.datetime(2026, 2, 25, tzinfo=dt.UTC),
        notes="Carla agreed to a pilot: she will send the signed pilot plan by March 6.",
    )
    export_salesforce(tmp_path, as_of=dt.date(2026, 2, 26))
    opps = {r["Id"]: r for r in csv.DictReader((tmp_path / "Opportunity.csv").open())}
    row = opps["006Dn000001AbCdIAK"]
    assert row["Aba_Status__c"] in {"advancing", "stalled"}
    assert row["Next_Step_Date__c"] == "2026-03-06"
    assert row["NextStep"].startswith("Carla")
    assert opps["006Dn000001AbCeIAK"]["Aba_Status__c"] == "closed"
    inserts = list(csv.DictReader((tmp_path / "Task-insert.csv").open()))
    assert any(
        t["WhatId"] == "006Dn000001AbCdIAK"
        and t["ActivityDate"] == "2026-03-06"
        and t["Status"] == "Not Started"
        for t in inserts
    )
    hub = tmp_path / "hub"
    export_hubspot(hub, as_of=dt.date(2026, 2, 26))
    deals = list(csv.DictReader((hub / "hubspot-deals.csv").open()))
    assert {"Next step", "aba status", "aba reasons"} <= set(deals[0])
    tasks = list(csv.DictReader((hub / "hubspot-tasks.csv").open()))
    assert tasks and tasks[0]["Due date"] == "2026-03-06"


def test_a_bad_cell_rejects_everything_naming_file_line_column_value(db, tmp_path):
    bad = tmp_path / "pipedrive-deals.csv"
    text = (DATA / "pipedrive-deals.csv").read_text(encoding="utf-8")
    bad.write_text(
        text.replace('"Lost","2025-10-01', '"Maybe","2025-10-01').replace('"45000.5"', '"lots"'),
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as failed:
        do_import(pipedrive, [bad, DATA / "pipedrive-activities.csv"])
    problems = {(p.file, p.line, p.column, p.value) for p in failed.value.problems}
    assert ("pipedrive-deals.csv", 3, "Deal - Value", "lots") in problems
    assert ("pipedrive-deals.csv", 4, "Deal - Status", "Maybe") in problems
    assert Opportunity.objects.count() == 0 and Call.objects.count() == 0


def test_a_call_on_an_unknown_deal_rejects_the_import(db):
    with pytest.raises(ImportFailed) as failed:
        do_import(hubspot, files("hubspot-calls.csv"))  # the deals file is missing
    problem = failed.value.problems[0]
    assert (problem.file, problem.line, problem.value) == ("hubspot-calls.csv", 2, "9876543210")
    assert Call.objects.count() == 0


def test_an_unrecognised_file_says_what_was_expected(db, tmp_path):
    stray = tmp_path / "people.csv"
    stray.write_text("First Name,Last Name,Email\nCarla,Diaz,c@globex.example\n")
    with pytest.raises(ImportFailed) as failed:
        do_import(hubspot, [stray])
    assert "--mapping" in str(failed.value) and "people.csv" in str(failed.value)


def test_mapping_file_maps_translated_labels_and_owners(db):
    mapping = load_mapping(DATA / "hubspot-mapping.toml")
    do_import(hubspot, files("hubspot-deals-de.csv"), mapping)
    deal = Opportunity.objects.get()
    assert deal.owner.username == "dana" and deal.stage.name == "Angebot gesendet"
    assert mapping.crm_owner("dana") == "Dana Scully"


def test_bad_mapping_file_is_named(tmp_path):
    path = tmp_path / "map.toml"
    path.write_text('[deals]\nid = "Record ID"\n[calls]\nnotes = 3\n')
    with pytest.raises(ImportFailed) as failed:
        load_mapping(path)
    columns = {p.column for p in failed.value.problems}
    assert columns == {"deals", "calls.notes"}


def test_dry_run_writes_nothing(db):
    summary, _ = do_import(pipedrive, files(*PIPEDRIVE), dry_run=True)
    assert summary.dry_run and summary.opportunities_created == 3 and summary.calls_created == 4
    assert Opportunity.objects.count() == 0


@pytest.mark.parametrize(
    ("owner", "username"),
    [
        ("Dana Scully", "dana.scully"),
        ("005Dn000000DanaIAA", "005Dn000000DanaIAA"),
        ("  Lee   O'Brien ", "lee.obrien"),
        ("dana@example.com", "dana@example.com"),
    ],
)
def test_owner_usernames(owner, username):
    assert owner_username(owner) == username


def test_cli_import_from_crm_and_export_to_crm(db, tmp_path):
    from typer.testing import CliRunner

    from aba.cli.main import app

    runner = CliRunner()
    for name in PIPEDRIVE:
        shutil.copy(DATA / name, tmp_path / name)
    paths = [str(tmp_path / n) for n in PIPEDRIVE]
    dry = runner.invoke(app, ["import", "--from", "pipedrive", "--dry-run", *paths])
    assert dry.exit_code == 0, dry.output
    assert "Would import: 3 opportunities created" in dry.output and "skipped" in dry.output
    assert Opportunity.objects.count() == 0
    assert runner.invoke(app, ["import", "--from", "pipedrive", *paths]).exit_code == 0
    out = runner.invoke(app, ["export", "--to", "pipedrive", str(tmp_path / "out")])
    assert out.exit_code == 0 and (tmp_path / "out" / "pipedrive-deals.csv").exists()
    bad = runner.invoke(app, ["import", "--from", "hubspot", paths[0]])
    assert bad.exit_code == 1
