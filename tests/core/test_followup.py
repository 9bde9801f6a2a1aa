"""The follow-up email and invites open in mail and calendar programs (parsed as they would)."""

from __future__ import annotations

import datetime as dt
import email.policy
from email.parser import BytesParser

from icalendar import Calendar

from aba.core.followup import Followup, FollowupItem, Person, email_text, eml_bytes, ics_bytes
from aba.core.vocabulary import Party, ValueKind

FOLLOWUP = Followup(
    rep=Person("Rita Rep", "rita@seller.example"),
    to=(Person("Dana Scully", "dana@globex.example"), Person("Carla Diaz", "carla@globex.example")),
    account="Globex",
    opportunity="Globex rollout",
    call_date=dt.date(2026, 3, 3),
    items=(
        FollowupItem(Party.CUSTOMER, "Dana", "start a pilot", dt.date(2026, 3, 10), "commitment-1"),
        FollowupItem(
            Party.REP, "I", "send the security questionnaire", dt.date(2026, 3, 6), "commitment-2"
        ),
        FollowupItem(Party.CUSTOMER, "Bob", "introduce us to the CFO", None, "commitment-3"),
    ),  # fmt: skip
    value_kinds=(ValueKind.LEARNING,),
)


def test_email_parses_with_headers_and_every_commitment():
    msg = BytesParser(policy=email.policy.default).parsebytes(eml_bytes(FOLLOWUP))
    assert msg["To"].addresses[0].addr_spec == "dana@globex.example"
    assert len(msg["To"].addresses) == 2
    assert msg["From"].addresses[0].addr_spec == "rita@seller.example"
    assert "Globex rollout" in msg["Subject"]
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert body.startswith("Hi Dana and Carla,")
    assert "Thank you" in body and "insight" in body
    assert "Dana (Globex): start a pilot, by Tuesday 10 March 2026" in body
    assert "Rita (us): send the security questionnaire, by Friday 6 March 2026" in body
    assert "Bob (Globex): introduce us to the CFO, date to be agreed" in body
    invites = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(invites) == 1
    assert Calendar.from_ical(invites[0].get_content()).walk("VEVENT")


def test_ics_has_one_event_per_dated_commitment_with_stable_uids():
    cal = Calendar.from_ical(ics_bytes(FOLLOWUP))
    events = cal.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [dt.date(2026, 3, 10), dt.date(2026, 3, 6)]
    assert [str(e["uid"]) for e in events] == [
        "commitment-1@aba.invalid",
        "commitment-2@aba.invalid",
    ]
    assert "start a pilot" in str(events[0]["summary"])
    assert ics_bytes(FOLLOWUP) == ics_bytes(FOLLOWUP)


def test_no_addresses_still_makes_a_valid_draft():
    bare = Followup(
        rep=Person("Rita"),
        to=(Person("Dana"),),
        account="Globex",
        opportunity="Globex rollout",
        call_date=dt.date(2026, 3, 3),
        items=(),
    )
    msg = BytesParser(policy=email.policy.default).parsebytes(eml_bytes(bare))
    assert msg["Subject"] and "To" in msg
    assert not list(msg.iter_attachments())
    assert "Hi Dana," in email_text(bare)
