"""The API over real HTTP (pytest-django's live server): token in, JSON out, reading stored."""

from __future__ import annotations

import requests

from aba.api.tokens import create_token
from aba.sales.models import Call


def test_log_a_call_over_http(live_server, org):
    _, raw = create_token(org.rep, "http")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {raw}"
    base = f"{live_server.url}/api/v1"
    assert session.get(f"{base}/me", timeout=10).json()["role"] == "rep"
    response = session.post(
        f"{base}/opportunities/{org.opp.pk}/calls",
        timeout=10,
        json={
            "when": "2026-03-02T10:00:00Z",
            "notes": "Great demo. Their CFO agreed to a pilot; she will sign the order by Friday.",
        },
    )
    assert response.status_code == 201, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    assert Call.objects.get(pk=response.json()["id"]).reading is not None
    assert requests.get(f"{base}/opportunities", timeout=10).status_code == 401
