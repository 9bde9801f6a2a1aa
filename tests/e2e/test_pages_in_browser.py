"""The main scenarios in a real browser: log a call with aba's live reading, find the commitment
on the opportunity and in the calendar feed; a manager finds a stalled deal and why; a rep cannot
open another rep's opportunity."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aba.core.reading import read_note
from aba.web.words import OUTCOME_WORDS
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rep_logs_a_call_and_finds_the_commitment(page, org):
    login(page, "rita")
    screenshot(page, "my-pipeline")
    page.get_by_role("link", name="Log a call").first.click()  # one click from anywhere
    expect(page.get_by_role("heading", name="Log a call")).to_be_visible()
    page.get_by_label("Opportunity", exact=True).select_option(label="Acme Corp · Acme platform")
    notes = page.get_by_label("Notes", exact=True)
    reading = page.locator("#reading")

    # No customer commitment: a plain warning and a way to ask next time, before saving.
    notes.press_sequentially("Nice chat about their plans. I will send a deck next month.")
    expect(reading.get_by_test_id("no-commitment-warning")).to_contain_text(
        "No customer commitment"
    )
    expect(reading).to_contain_text("Next time, ask")

    due = timezone.localdate() + dt.timedelta(days=5)
    notes.fill("")
    notes.press_sequentially(
        f"Great demo. Dana (CIO) agreed to bring the CFO to a pricing review on {due:%B %-d}."
    )
    outcome = read_note(notes.input_value(), timezone.localdate()).outcome.value
    expect(reading.locator(f".pill-{outcome}")).to_be_visible()
    expect(reading.locator("li.commitment")).to_contain_text("bring the CFO")
    expect(reading.locator("li.commitment time")).to_have_attribute("datetime", due.isoformat())
    expect(reading.locator("mark").first).to_contain_text("pricing review")
    expect(reading.get_by_test_id("no-commitment-warning")).to_have_count(0)
    expect(page.locator("#auto-outcome")).to_have_text(f"({OUTCOME_WORDS[outcome]})")
    screenshot(page, "log-a-call")

    page.get_by_role("button", name="Save call").click()
    page.wait_for_url(f"**/opportunities/{org.opp.pk}/**")
    expect(page.locator(".messages")).to_contain_text("Call saved")
    pending = page.locator("#commitments")
    expect(pending).to_contain_text("bring the CFO to a pricing review")
    expect(pending).to_contain_text(due.strftime("%-d %b"))
    expect(page.locator(f".timeline .pill-{outcome}")).to_have_count(1)
    screenshot(page, "opportunity")

    # The calendar feed carries the commitment as an all-day event.
    page.get_by_role("link", name="Calendar").click()
    page.get_by_role("button", name="Create my calendar address").click()
    feed_url = page.get_by_test_id("feed-url").input_value()
    screenshot(page, "calendar")
    feed = page.request.get(feed_url)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    body = feed.text().replace("\r\n ", "")  # unfold long iCalendar lines
    assert "bring the CFO to a pricing review" in body
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}" in body

    # Kept in one click, without leaving the page.
    page.goto(page.base + f"/opportunities/{org.opp.pk}/")
    item = page.locator("#commitments li.pending-item").first
    item.get_by_role("button", name="Kept").click()
    expect(page.locator("#commitments .pill-c-kept")).to_have_text("Kept")


def test_manager_finds_a_stalled_deal_with_its_reason(page, org):
    from aba.sales.services.calls import log_call

    org.other_opp.created = timezone.localdate() - dt.timedelta(days=150)
    org.other_opp.save()
    long_ago = timezone.now() - dt.timedelta(days=70)
    log_call(opportunity=org.other_opp, rep=org.other_rep, when=long_ago,
             notes="Good chat about their plans. They will think about it.")  # fmt: skip
    login(page, "maya")
    expect(page.get_by_role("heading", name="Pipeline review")).to_be_visible()
    row = page.locator("#drill tr", has_text="Acme add-on")
    expect(row.locator(".pill-stalled")).to_have_text("Stalled")
    expect(row.locator(".reasons")).to_contain_text("No advance in")
    expect(page.locator("#review-charts svg.chart").first).to_be_visible()
    expect(page.locator(".question").first).to_be_visible()
    screenshot(page, "pipeline-review")
    row.get_by_role("link", name="Acme add-on").click()
    expect(page.get_by_role("heading", name="Acme add-on")).to_be_visible()


def test_rep_cannot_open_another_reps_opportunity(page, org):
    login(page, "rita")
    for opp in (org.other_opp, org.foreign_opp):
        response = page.goto(page.base + f"/opportunities/{opp.pk}/")
        assert response is not None and response.status in (403, 404)
    response = page.goto(page.base + f"/opportunities/{org.opp.pk}/")
    assert response is not None and response.status == 200
