"""The rep's pipeline and the manager's review: stalled deals first, with their reasons."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from aba.sales.services.calls import log_call
from tests.web.conftest import when


def stall_other_opp(org):
    """A continuation with nothing agreed on the teammate's deal, long ago."""
    org.other_opp.created = timezone.localdate() - dt.timedelta(days=120)
    org.other_opp.save()
    log_call(opportunity=org.other_opp, rep=org.other_rep, when=when(60),
             notes="Nice chat about their plans. They will think about it.")  # fmt: skip


def test_rep_pipeline_lists_own_open_deals_with_reasons(client, org, logged):
    stall_other_opp(org)
    client.force_login(org.other_rep)
    body = client.get("/pipeline/").content.decode()
    assert "Acme add-on" in body and "Acme platform" not in body
    assert "pill-stalled" in body
    assert "No advance in" in body or "Waiting on the prospect" in body


def test_rep_pipeline_due_this_week_and_filters(rep_client, org, logged):
    body = rep_client.get("/pipeline/").content.decode()
    assert "Acme platform" in body
    response = rep_client.get("/pipeline/", {"q": "nothing-like-this"})
    assert "No opportunity matches" in response.content.decode()
    for sort in ("stalled", "amount", "last_call", "name"):
        assert (
            rep_client.get("/pipeline/", {"sort": sort, "status": "advancing"}).status_code == 200
        )


def test_manager_review_finds_stalled_deal_with_reason(manager_client, org, logged):
    stall_other_opp(org)
    body = manager_client.get("/review/").content.decode()
    assert "The six questions" in body
    assert "Acme add-on" in body and "pill-stalled" in body
    assert "Acme EU" not in body  # another team
    assert "Omar" in body or "omar" in body


def test_review_drill_down_by_question(manager_client, org, logged):
    stall_other_opp(org)
    body = manager_client.get("/review/", {"question": "waiting_on_prospect"}).content.decode()
    assert 'aria-current="true"' in body


def test_admin_review_team_filter(client, org, logged):
    client.force_login(org.admin)
    body = client.get("/review/", {"team": "Team B"}).content.decode()
    assert "Acme EU" in body or "Team B" in body
    assert client.get("/review/", {"team": "no such team"}).status_code == 200


def stall_rita(org):
    org.opp.created = timezone.localdate() - dt.timedelta(days=120)
    org.opp.save()
    log_call(opportunity=org.opp, rep=org.rep, when=when(50),
             notes="Good talk about their roadmap. They will get back to us.")  # fmt: skip


def drill(body: str) -> str:
    return body[body.index('id="drill"') :]


def test_manager_review_narrowed_to_one_rep_of_the_team(manager_client, org):
    stall_other_opp(org)
    stall_rita(org)
    body = manager_client.get("/review/").content.decode()
    assert 'name="rep"' in body
    assert '<option value="rita">Rita</option>' in body
    assert '<option value="omar">Omar</option>' in body
    assert 'value="fred"' not in body  # another team's rep is not offered
    assert "Acme add-on" in drill(body) and "Acme platform" in drill(body)

    body = manager_client.get("/review/", {"rep": "omar"}).content.decode()
    assert '<option value="omar" selected>Omar</option>' in body
    assert "Acme add-on" in drill(body) and "Acme platform" not in drill(body)
    assert "question=waiting_on_prospect" in body and "rep=omar&amp;question=" in body

    # a rep of another team is ignored: the manager's own team, not a peek at team B
    body = manager_client.get("/review/", {"rep": "fred"}).content.decode()
    assert "Acme EU" not in body and "Acme add-on" in drill(body)


def test_admin_picks_any_rep_or_a_teams_reps(client, org):
    stall_other_opp(org)
    client.force_login(org.admin)
    body = client.get("/review/").content.decode()
    for username in ("rita", "omar", "fred"):
        assert f'value="{username}"' in body
    body = client.get("/review/", {"team": "Team B"}).content.decode()
    assert 'value="fred"' in body and 'value="omar"' not in body
    body = client.get("/review/", {"rep": "omar"}).content.decode()
    assert "Acme add-on" in drill(body)
    body = client.get("/review/", {"rep": "fred"}).content.decode()
    assert "Acme add-on" not in body
