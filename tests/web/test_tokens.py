"""API tokens page: create (secret shown once), list, revoke; never someone else's."""

from __future__ import annotations

from aba.api.tokens import create_token, user_for_token


def test_create_shows_the_secret_once(rep_client, org):
    response = rep_client.post("/tokens/", {"name": "CRM sync"})
    body = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    raw = body.split('data-testid="raw-token"')[0].rsplit('value="', 1)[1].split('"')[0]
    assert user_for_token(raw) == org.rep
    listing = rep_client.get("/tokens/").content.decode()
    assert "CRM sync" in listing and raw not in listing


def test_blank_name_is_an_error_next_to_the_field(rep_client, org):
    response = rep_client.post("/tokens/", {"name": "  "})
    assert response.status_code == 422
    assert 'id="id_name_error"' in response.content.decode()


def test_revoke_own_token_only(rep_client, org):
    mine, raw = create_token(org.rep, "laptop")
    theirs, their_raw = create_token(org.foreign_rep, "theirs")
    assert rep_client.post(f"/tokens/{mine.pk}/revoke/").status_code == 302
    assert user_for_token(raw) is None
    rep_client.post(f"/tokens/{theirs.pk}/revoke/")
    assert user_for_token(their_raw) == org.foreign_rep
