"""Scale-out: aba keeps no state in its processes, so two servers on one PostgreSQL serve the same
users and data; a session started on one continues on the other (as behind a load balancer)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.reliability import support

pytestmark = [pytest.mark.slow, pytest.mark.nopg]


def csrf_from(page: requests.Response) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, "no CSRF token on the page"
    return found.group(1)


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Any]]:
    """Two aba servers, A and B, on one PostgreSQL database."""
    tmp = tmp_path_factory.mktemp("farm")
    with support.pg_cluster() as cluster:
        url = cluster.create_database("aba")
        # Each server has its own data folder: only the database and the secret are shared.
        env_a, env_b = support.aba_env(tmp / "a", url), support.aba_env(tmp / "b", url)
        seeded = support.seed(env_a)
        with support.server(env_a) as (a, _), support.server(env_b) as (b, _):
            yield a, b, seeded


def test_two_servers_one_database_one_session(farm: tuple[str, str, Any]) -> None:
    a, b, seeded = farm
    opp = seeded["opportunities"][0]
    browser = requests.Session()
    support.login(browser, a, "rita", support.PASSWORD)
    page = browser.get(f"{b}/opportunities/{opp}/", timeout=10, allow_redirects=False)
    assert page.status_code == 200 and "Deal 0" in page.text

    # A call logged through A is at once on B (web page) and on A (API).
    api = {"Authorization": f"Bearer {seeded['token']}"}
    logged = requests.post(
        f"{a}/api/v1/opportunities/{opp}/calls",
        headers=api,
        json={
            "when": "2026-02-03T10:00:00",
            "notes": "Zoë will send the signed RFP by Friday.",
        },
        timeout=30,
    )
    assert logged.status_code == 201, logged.text
    call_id = logged.json()["id"]
    on_b = requests.get(f"{b}/api/v1/calls/{call_id}", headers=api, timeout=10)
    assert on_b.status_code == 200 and "Zoë" in on_b.json()["notes"]
    assert "Zoë" in browser.get(f"{b}/opportunities/{opp}/", timeout=10).text

    # A CSRF token from A's page is good on B; logging out on B ends the session on A.
    out = browser.post(
        f"{b}/accounts/logout/",
        timeout=10,
        allow_redirects=False,
        data={"csrfmiddlewaretoken": csrf_from(browser.get(f"{a}/"))},
        headers={"Referer": f"{b}/"},
    )
    assert out.status_code == 302
    gone = browser.get(f"{a}/opportunities/{opp}/", timeout=10, allow_redirects=False)
    assert gone.status_code == 302 and "/accounts/login/" in gone.headers["Location"]


def test_login_throttling_counts_failures_across_servers(farm: tuple[str, str, Any]) -> None:
    a, b, _ = farm
    attacker = requests.Session()
    for attempt in range(5):  # AXES_FAILURE_LIMIT, alternating between the servers
        base = (a, b)[attempt % 2]
        token = csrf_from(attacker.get(f"{base}/accounts/login/", timeout=10))
        attacker.post(
            f"{base}/accounts/login/",
            timeout=10,
            allow_redirects=False,
            data={"username": "fred", "password": "wrong", "csrfmiddlewaretoken": token},
        )
    token = csrf_from(attacker.get(f"{b}/accounts/login/", timeout=10))
    right = attacker.post(
        f"{b}/accounts/login/",
        timeout=10,
        allow_redirects=False,
        data={"username": "fred", "password": support.PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert right.status_code != 302, "the 6th login went through despite the lockout"
    assert "sessionid" not in attacker.cookies
