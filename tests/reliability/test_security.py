"""Login throttling, cookies, security headers, CSRF on every form, hashed revocable API tokens."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from tests.conftest import PASSWORD
from tests.reliability import support
from tests.reliability.test_permissions import MATRIX, routes


def login(client: Client, username: str, password: str) -> Any:
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_login_is_throttled_after_repeated_failures(org: Any, settings: Any) -> None:
    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "rita", "wrong").status_code == 200  # the form again, with an error
    assert login(client, "rita", "wrong").status_code == 429  # the last failure locks
    locked = login(client, "rita", PASSWORD)
    assert locked.status_code == 429 and "_auth_user_id" not in client.session
    # Another address is not locked out by someone else's guessing at rita's password.
    assert login(Client(REMOTE_ADDR="10.0.0.8"), "rita", PASSWORD).status_code == 302


def test_security_headers_and_cookies(org: Any) -> None:
    client = Client()
    page = client.get("/accounts/login/")
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["Cross-Origin-Opener-Policy"] == "same-origin"
    assert page.cookies["csrftoken"]["samesite"] == "Lax"
    reply = login(client, "rita", PASSWORD)
    assert reply.status_code == 302
    session = reply.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    logged_in = client.get("/pipeline/")
    assert logged_in.status_code == 200 and logged_in["X-Frame-Options"] == "DENY"


@pytest.mark.nopg
def test_behind_tls_cookies_are_secure_and_hsts_is_on(tmp_path: Any) -> None:
    code = (
        "import json, aba.settings as s; print(json.dumps([s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, list(s.SECURE_PROXY_SSL_HEADER)]))"
    )
    env = support.aba_env(tmp_path, ABA_HTTPS="1")
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=support.ROOT,
        check=True,
        timeout=60,
    ).stdout
    secure, csrf_secure, hsts, proxy = json.loads(out)
    assert secure and csrf_secure and hsts >= 31536000
    assert proxy == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_every_form_refuses_a_post_without_csrf_token(org: Any) -> None:
    """A POST without the token is refused on every page URL, whatever its view does with it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.admin)
    accepted = []
    for name, route in routes().items():
        if route.startswith("api/"):
            continue
        for probe in MATRIX[name]:
            url = probe.url(_Anything(org))
            status = client.post(url, probe.body or {}).status_code
            if status != 403:
                accepted.append(f"{name} {url}: {status}")
    assert not accepted, f"POST without a CSRF token not refused: {accepted}"


def test_session_auth_on_the_api_needs_the_csrf_token_too(org: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.rep)
    body = {"when": "2026-02-03T10:00:00", "notes": "PO signed."}
    reply = client.post(
        f"/api/v1/opportunities/{org.opp.pk}/calls", body, content_type="application/json"
    )
    assert reply.status_code in (401, 403)
    assert not org.opp.calls.exists()


def test_api_tokens_are_stored_hashed_and_revocable(org: Any) -> None:
    from aba.api.models import ApiToken
    from aba.api.tokens import create_token, revoke_token

    token, raw = create_token(org.rep, "laptop")
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(raw not in str(value) for value in stored.values()), "a raw token is stored"
    api = Client()
    auth = {"Authorization": f"Bearer {raw}"}
    assert api.get("/api/v1/me", headers=auth).status_code == 200
    revoke_token(org.rep, token.pk)
    assert api.get("/api/v1/me", headers=auth).status_code == 401
    _, again = create_token(org.rep, "phone")
    org.rep.is_active = False
    org.rep.save()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {again}"}).status_code == 401
    with pytest.raises(LookupError):
        revoke_token(org.foreign_rep, token.pk)  # nobody revokes (or learns of) another's token


class _Anything:
    """Object ids for URLs whose view never runs (CSRF refuses first): any number will do."""

    def __init__(self, org: Any) -> None:
        self.opp = org.opp

    def __getattr__(self, name: str) -> Any:
        return _Id()


class _Id:
    pk = 1
    token = "t"
