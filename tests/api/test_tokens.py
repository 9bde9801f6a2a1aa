"""API tokens: stored hashed, shown once, revocable, and the only way in besides a session."""

from __future__ import annotations

import pytest

from aba.api.models import ApiToken
from aba.api.tokens import TokenNotFound, create_token, list_tokens, revoke_token, user_for_token
from tests.api.conftest import ApiClient


def test_database_holds_no_raw_token(org):
    token, raw = create_token(org.rep, "CRM sync")
    assert raw.startswith("aba_") and len(raw) > 40
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in {str(v) for v in stored.values()}
    assert token.prefix == raw[:8] and token.hashed_secret != raw
    assert user_for_token(raw) == org.rep


def test_revoked_token_gets_401(org):
    token, raw = create_token(org.rep, "laptop")
    api = ApiClient(raw)
    assert api.get("/me").status_code == 200
    revoke_token(org.rep, token.pk)
    response = api.get("/me")
    assert response.status_code == 401
    assert response.json()["detail"][0]["field"] == "Authorization"


@pytest.mark.parametrize("header", [None, "Bearer nope", "Bearer aba_" + "x" * 43, "Basic abc"])
def test_missing_or_unknown_token_gets_401(org, header):
    client = ApiClient(None)
    if header:
        client.headers = {"Authorization": header}
    assert client.get("/opportunities").status_code == 401


def test_inactive_user_token_gets_401(org):
    _, raw = create_token(org.rep, "old")
    org.rep.is_active = False
    org.rep.save()
    assert ApiClient(raw).get("/me").status_code == 401


def test_a_user_cannot_revoke_anothers_token(org):
    token, _ = create_token(org.rep, "mine")
    with pytest.raises(TokenNotFound):
        revoke_token(org.manager, token.pk)
    assert list(list_tokens(org.rep)) == [token]
    assert list(list_tokens(org.manager)) == []


def test_last_used_is_recorded(org):
    token, raw = create_token(org.rep, "x")
    ApiClient(raw).get("/me")
    token.refresh_from_db()
    assert token.last_used is not None


def test_session_works_for_reads_and_unsafe_methods_need_csrf(org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(org.rep)
    assert client.get("/api/v1/me").json()["username"] == org.rep.username
    response = client.post(
        "/api/v1/read", {"notes": [{"text": "hi"}]}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"][0]["problem"]
