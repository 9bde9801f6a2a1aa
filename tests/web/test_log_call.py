"""Log a call: the live reading, saving, corrections kept as the rep's statement, errors."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

from aba.core.reading import read_note
from aba.sales.models import Call, Commitment

TODAY = timezone.localdate


def form(org, **extra):
    data = {
        "opportunity": org.opp.pk,
        "when": TODAY().isoformat(),
        "notes": "Their CIO agreed to bring the CFO to a pricing review on "
        f"{TODAY() + dt.timedelta(days=5):%B %-d}.",
        "outcome": "",
        "stall": "",
        "planned_best": "",
        "planned_minimum": "",
    }
    data.update(extra)
    return data


def aba_reads(data) -> str:
    """The outcome aba's reader gives these notes (the page must show the same)."""
    return read_note(data["notes"], dt.date.fromisoformat(data["when"])).outcome.value


def test_reading_panel_shows_outcome_commitment_and_evidence(rep_client, org):
    due = TODAY() + dt.timedelta(days=5)
    data = form(org)
    response = rep_client.post("/log/read/", data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert f"pill-{aba_reads(data)}" in body
    assert "Customer" in body and due.isoformat() in body
    assert "<mark>" in body
    assert "No customer commitment" not in body
    assert 'id="auto-outcome"' in body and "hx-swap-oob" in body


def test_reading_panel_warns_without_customer_commitment(rep_client, org):
    notes = "Nice chat. I will follow up with some material next month."
    body = rep_client.post("/log/read/", form(org, notes=notes)).content.decode()
    assert "No customer commitment" in body
    assert "Next time, ask" in body
    assert "Continuation" in body


def test_reading_panel_escapes_notes(rep_client, org):
    notes = "<script>alert(1)</script> They will sign the PO on Friday & more"
    body = rep_client.post("/log/read/", form(org, notes=notes)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body and "&amp; more" in body


def test_empty_notes_read_nothing(rep_client, org):
    body = rep_client.post("/log/read/", form(org, notes="  ")).content.decode()
    assert "Type your notes" in body


def test_save_with_the_reading(rep_client, org):
    data = form(org)
    response = rep_client.post("/log/", data)
    call = Call.objects.get(opportunity=org.opp)
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{org.opp.pk}/?logged={call.pk}#call-{call.pk}"
    assert call.outcome == aba_reads(data) and call.outcome_source == "read"
    commitment = call.commitments.get()
    assert commitment.party == "customer"
    assert commitment.due == TODAY() + dt.timedelta(days=5)
    page = rep_client.get(response["Location"]).content.decode()
    assert "Call saved" in page and "pricing review" in page


def test_correction_is_stored_as_the_reps_statement(rep_client, org):
    data = form(org, outcome="continuation", stall="waiting_on_prospect")
    read = aba_reads(data)
    data.update({
        "commitments_stated": "True",
        "c-TOTAL_FORMS": "2", "c-INITIAL_FORMS": "0", "c-MIN_NUM_FORMS": "0",
        "c-MAX_NUM_FORMS": "20",
        "c-0-party": "customer", "c-0-who": "Dana (CIO)",
        "c-0-action": "bring the CFO to a pricing review", "c-0-due": "",
        "c-1-party": "customer", "c-1-who": "", "c-1-action": "", "c-1-due": "",
    })  # fmt: skip
    assert rep_client.post("/log/", data).status_code == 302
    call = Call.objects.get(opportunity=org.opp)
    assert call.outcome == "continuation" and call.outcome_source == "stated"
    assert call.stall == "waiting_on_prospect"
    assert call.reading["outcome"] == read  # aba's reading kept to improve the reader
    assert call.corrected == (read != "continuation")
    commitment = call.commitments.get()
    assert (commitment.who, commitment.due) == ("Dana (CIO)", None)
    assert len(call.reading["commitments"]) == 1


def test_stated_outcome_differs_from_the_reading(rep_client, org):
    data = form(org, outcome="no_sale")
    assert rep_client.post("/log/", data).status_code == 302
    call = Call.objects.get(opportunity=org.opp)
    assert (call.outcome, call.outcome_source, call.stall) == ("no_sale", "stated", None)
    assert call.reading["outcome"] == aba_reads(data) and call.corrected
    page = rep_client.get(f"/opportunities/{org.opp.pk}/").content.decode()
    assert "corrected by the rep" in page


def test_rejected_form_keeps_everything_and_says_where(rep_client, org):
    notes = "They agreed to a trial starting Monday; I said I'd send the contract."
    data = form(org, notes=notes, when="2999-01-01", outcome="advance", stall="no_next_step",
                planned_best="Trial with success criteria")  # fmt: skip
    response = rep_client.post("/log/", data)
    body = response.content.decode()
    assert response.status_code == 422
    assert not Call.objects.exists()
    assert "in the future" in body and 'id="id_when_error"' in body
    assert 'aria-describedby="id_when_error"' in body
    assert "Only a continuation has a stall" in body
    assert "They agreed to a trial starting Monday; I said I&#x27;d send the contract." in body
    assert 'value="Trial with success criteria"' in body
    assert re.search(r'value="advance"[^>]*checked', body)
    assert f'<option value="{org.opp.pk}" selected>' in body
    assert "pill-" in body  # the reading panel is there again


def test_rejected_stated_commitments_stay(rep_client, org):
    data = form(org)
    data.update({
        "commitments_stated": "True",
        "c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0", "c-MIN_NUM_FORMS": "0",
        "c-MAX_NUM_FORMS": "20",
        "c-0-party": "customer", "c-0-who": "Dana", "c-0-action": "", "c-0-due": "2026-13-45",
    })  # fmt: skip
    body = rep_client.post("/log/", data).content.decode()
    assert "Say what was agreed" in body and "YYYY-MM-DD" in body
    assert 'value="Dana"' in body and 'value="2026-13-45"' in body
    assert not Commitment.objects.exists()


def test_cannot_log_on_someone_elses_opportunity(rep_client, org):
    for opp in (org.other_opp, org.foreign_opp):
        response = rep_client.post("/log/", form(org, opportunity=opp.pk))
        assert response.status_code == 422
        assert "Choose one of your open opportunities" in response.content.decode()
    assert not Call.objects.exists()


def test_preselected_opportunity_and_plan(rep_client, org, monkeypatch):
    from aba.web.views import calls

    monkeypatch.setattr(calls, "current_plan", lambda opp: ("Pilot agreed", "Intro to the CFO"))
    body = rep_client.get(f"/log/?opportunity={org.opp.pk}").content.decode()
    assert f'<option value="{org.opp.pk}" selected>' in body
    assert 'value="Pilot agreed"' in body and 'value="Intro to the CFO"' in body
    # an opportunity the rep may not see is simply not preselected
    body = rep_client.get(f"/log/?opportunity={org.foreign_opp.pk}").content.decode()
    assert "Acme EU" not in body


def test_commitments_editor_is_filled_from_the_reading(rep_client, org):
    body = rep_client.post("/log/commitments/", form(org)).content.decode()
    assert 'name="commitments_stated" value="True"' in body
    assert "bring the CFO to a pricing review" in body
    assert 'name="c-TOTAL_FORMS"' in body
