"""The calendar feed: private, token-authorised, revocable, one stable event per commitment."""

from __future__ import annotations

from icalendar import Calendar

from aba.web.models import CalendarFeed


def create_feed(client) -> str:
    assert client.post("/calendar/", {"action": "create"}).status_code == 302
    body = client.get("/calendar/").content.decode()
    assert "/calendar/" in body and ".ics" in body
    return CalendarFeed.objects.get().token


def test_feed_lists_commitments_without_login(client, org, logged):
    client.force_login(org.rep)
    token = create_feed(client)
    client.logout()
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("pricing review" in s and "Acme Corp" in s for s in summaries)
    assert any(s.startswith("You:") for s in summaries)  # the rep's own commitments too
    assert not any("security questionnaire" in s for s in summaries)  # another rep's customer
    customer = next(e for e in events if "pricing review" in str(e["SUMMARY"]))
    commitment = logged[0].commitments.get(party="customer")
    assert customer.decoded("DTSTART") == commitment.due
    assert str(customer["UID"]) == f"commitment-{commitment.pk}@testserver"
    # the UID is stable between fetches, so calendar apps update instead of duplicating
    again = Calendar.from_ical(client.get(f"/calendar/{token}.ics").content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {str(e["UID"]) for e in events}


def test_rotate_and_revoke(client, org, logged):
    client.force_login(org.rep)
    old = create_feed(client)
    client.post("/calendar/", {"action": "rotate"})
    new = CalendarFeed.objects.get().token
    assert new != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    client.post("/calendar/", {"action": "revoke"})
    assert client.get(f"/calendar/{new}.ics").status_code == 404
    assert "was revoked" in client.get("/calendar/").content.decode()


def test_unknown_token_and_inactive_user(client, org):
    assert client.get("/calendar/nope.ics").status_code == 404
    feed = CalendarFeed.objects.create(user=org.rep)
    org.rep.is_active = False
    org.rep.save()
    assert client.get(f"/calendar/{feed.token}.ics").status_code == 404
