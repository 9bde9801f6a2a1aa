"""Access: every page and API endpoint, for every role, returns exactly what the role allows.

The matrix below names every URL aba serves (outside Django admin, tested by its own rule); a
new page or endpoint without an entry fails `test_every_route_is_in_the_matrix`, so nobody adds
a URL without deciding who may use it. Objects belong to rita (rep, team A): her manager and the
admin see them; omar (same team), fred (team B) and max (team B's manager) get 404, exactly as
for an id that does not exist, so guessing ids reveals nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "rep", "other_rep", "foreign_rep", "manager", "foreign_manager", "admin")
SEE_RITAS = {"rep", "manager", "admin"}
MANAGE = {"manager", "foreign_manager", "admin"}
LOGIN = "login"  # expected: a page redirects anonymous users to the login form
SNOOZE = {"reason": "Budget freeze", "until": (dt.date.today() + dt.timedelta(days=30)).isoformat()}


@dataclass(frozen=True)
class Probe:
    """One request; `scope` says who may make it: public, user (any login), object (those who
    see rita's deal), manager."""

    method: str
    url: Callable[[Any], str]
    scope: str
    ok: int | tuple[int, ...]
    body: dict[str, Any] | None = None
    json: bool = False
    # Rita's deal name must be in a 2xx body exactly for these roles (lists, reviews, feeds).
    reveal: frozenset[str] | None = None


def _get(
    url: Callable[[Any], str],
    scope: str,
    ok: int | tuple[int, ...] = 200,
    reveal: set[str] | None = None,
) -> Probe:
    return Probe("GET", url, scope, ok, reveal=frozenset(reveal) if reveal is not None else None)


def _post(
    url: Callable[[Any], str],
    scope: str,
    ok: int | tuple[int, ...],
    body: dict[str, Any] | None = None,
    *,
    json: bool = False,
) -> Probe:
    return Probe("POST", url, scope, ok, body or {}, json)


MATRIX: dict[str, list[Probe]] = {
    # accounts (django.contrib.auth)
    "login": [_get(lambda w: "/accounts/login/", "public")],
    "logout": [_get(lambda w: "/accounts/logout/", "user", 405)],  # logging out is a POST
    "password_change": [_get(lambda w: "/accounts/password_change/", "user")],
    "password_change_done": [_get(lambda w: "/accounts/password_change/done/", "user")],
    "password_reset": [_get(lambda w: "/accounts/password_reset/", "public")],
    "password_reset_done": [_get(lambda w: "/accounts/password_reset/done/", "public")],
    "password_reset_confirm": [_get(lambda w: "/accounts/reset/MQ/bad-token/", "public")],
    "password_reset_complete": [_get(lambda w: "/accounts/reset/done/", "public")],
    # web pages
    "home": [_get(lambda w: "/", "user", 302)],
    "log_call": [
        _get(lambda w: "/log/", "user"),
        _get(lambda w: f"/log/?opportunity={w.opp.pk}", "user"),
    ],
    "read_notes": [_post(lambda w: "/log/read/", "user", 200, {"notes": "PO signed."})],
    "commitments_editor": [_post(lambda w: "/log/commitments/", "user", 200)],
    "pipeline": [_get(lambda w: "/pipeline/", "user", reveal={"rep"})],
    "review": [
        _get(lambda w: "/review/", "manager", reveal={"manager", "admin"}),
        _get(lambda w: "/review/?team=Team+A", "manager", reveal={"manager", "admin"}),
        # another team's manager asking for rita gets their own team: her deal stays hidden
        _get(lambda w: "/review/?rep=rita", "manager", reveal={"manager", "admin"}),
    ],
    "review_charts": [_get(lambda w: "/review/charts/", "manager")],
    "opportunity": [_get(lambda w: f"/opportunities/{w.opp.pk}/", "object")],
    "snooze": [_post(lambda w: f"/opportunities/{w.opp.pk}/snooze/", "object", 302, SNOOZE)],
    "end_snooze": [_post(lambda w: f"/opportunities/{w.opp.pk}/snooze/end/", "object", 302)],
    "commitment_status": [
        _post(
            lambda w: f"/commitments/{w.commitment.pk}/status/", "object", 302, {"status": "kept"}
        )
    ],
    "calendar": [_get(lambda w: "/calendar/", "user")],
    "calendar_feed": [
        _get(lambda w: f"/calendar/{w.feed.token}.ics", "public")
    ],  # token = credential
    "api_tokens": [_get(lambda w: "/tokens/", "user")],
    "api_token_revoke": [_post(lambda w: "/tokens/999999/revoke/", "user", 302)],
    "audit_log": [
        _get(lambda w: "/audit/", "manager"),
        _get(lambda w: f"/audit/?opportunity={w.opp.pk}", "manager-object"),
    ],
    # coaching
    "coaching:opportunity": [_get(lambda w: f"/coaching/opportunity/{w.opp.pk}/", "object")],
    "coaching:plan": [
        _post(lambda w: f"/coaching/opportunity/{w.opp.pk}/plan/", "object", (200, 400, 422))
    ],
    "coaching:step": [
        _post(lambda w: f"/coaching/opportunity/{w.opp.pk}/steps/{w.step.pk}/", "object", 302)
    ],
    "coaching:share": [_post(lambda w: f"/coaching/opportunity/{w.opp.pk}/share/", "object", 302)],
    "coaching:revoke": [
        _post(lambda w: f"/coaching/opportunity/{w.opp.pk}/share/revoke/", "object", 302)
    ],
    "coaching:followup": [_get(lambda w: f"/coaching/call/{w.call.pk}/followup/", "object")],
    "coaching:followup_eml": [_get(lambda w: f"/coaching/call/{w.call.pk}/followup.eml", "object")],
    "coaching:followup_ics": [_get(lambda w: f"/coaching/call/{w.call.pk}/followup.ics", "object")],
    "coaching:shared": [_get(lambda w: f"/coaching/shared/{w.share.token}/", "public")],
    # JSON API (a bearer token per role; anonymous gets 401)
    "api-v1:api-root": [_get(lambda w: "/api/v1/", "public", 404)],  # ninja: nothing there
    "api-v1:openapi-json": [_get(lambda w: "/api/v1/openapi.json", "public")],
    "api-v1:openapi-view": [_get(lambda w: "/api/v1/docs", "public")],
    "api-v1:me": [_get(lambda w: "/api/v1/me", "user")],
    "api-v1:list_opportunities": [
        _get(lambda w: "/api/v1/opportunities", "user", reveal=SEE_RITAS)
    ],
    "api-v1:get_opportunity": [_get(lambda w: f"/api/v1/opportunities/{w.opp.pk}", "object")],
    "api-v1:opportunity_coaching": [
        _get(lambda w: f"/api/v1/opportunities/{w.opp.pk}/coaching", "object")
    ],
    "api-v1:snooze_opportunity": [
        _post(
            lambda w: f"/api/v1/opportunities/{w.opp.pk}/snooze", "object", 201, SNOOZE, json=True
        )
    ],
    "api-v1:end_snooze": [
        Probe("DELETE", lambda w: f"/api/v1/opportunities/{w.opp.pk}/snooze", "object", 200)
    ],
    "api-v1:post_call": [
        _post(
            lambda w: f"/api/v1/opportunities/{w.opp.pk}/calls",
            "object",
            201,
            {"when": "2026-02-03T10:00:00", "notes": "PO signed."},
            json=True,
        )
    ],
    "api-v1:list_calls": [
        _get(lambda w: "/api/v1/calls", "user", reveal=SEE_RITAS),
        _get(lambda w: f"/api/v1/calls?opportunity={w.opp.pk}", "user", reveal=SEE_RITAS),
    ],
    "api-v1:get_call": [_get(lambda w: f"/api/v1/calls/{w.call.pk}", "object")],
    "api-v1:list_commitments": [_get(lambda w: "/api/v1/commitments", "user", reveal=SEE_RITAS)],
    "api-v1:review": [
        _get(lambda w: "/api/v1/review", "user", reveal=SEE_RITAS),
        _get(lambda w: "/api/v1/review?rep=rita&team=Team+A", "user", reveal=SEE_RITAS),
    ],
    "api-v1:figures": [
        _get(lambda w: "/api/v1/figures", "user"),
        _get(lambda w: "/api/v1/figures?rep=rita", "user"),
    ],
    "api-v1:update_commitment": [
        Probe(
            "PATCH",
            lambda w: f"/api/v1/commitments/{w.commitment.pk}",
            "object",
            200,
            {"status": "kept"},
            True,
        )
    ],
    "api-v1:read_notes": [
        _post(lambda w: "/api/v1/read", "user", 200, {"notes": [{"text": "PO signed."}]}, json=True)
    ],
}


def routes() -> dict[str, str]:
    """Every URL pattern outside Django admin, by its (namespaced) name."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                space = ":".join(x for x in (namespace, p.namespace or "") if x)
                walk(p.url_patterns, prefix + str(p.pattern), space)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if route.startswith("admin/"):
                    continue
                name = ":".join(x for x in (namespace, p.name or f"<unnamed {route}>") if x)
                found[name] = route

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_route_is_in_the_matrix() -> None:
    served = routes()
    missing = sorted(f"{name} ({route})" for name, route in served.items() if name not in MATRIX)
    assert not missing, f"URLs nobody decided the permissions of, add them to MATRIX: {missing}"
    stale = sorted(set(MATRIX) - set(served))
    assert not stale, f"MATRIX entries for URLs that no longer exist: {stale}"


@dataclass
class World:
    org: Any
    opp: Any
    call: Any
    commitment: Any
    step: Any
    share: Any
    feed: Any
    tokens: dict[str, str]


@pytest.fixture
def world(org: Any) -> World:
    from aba.api.tokens import create_token
    from aba.coaching.models import MutualPlanStep, PlanShareLink
    from aba.sales.models import Call, Commitment
    from aba.web.models import CalendarFeed

    call = Call.objects.create(
        opportunity=org.opp,
        rep=org.rep,
        notes="Anna sends the RFP.",
        when=dt.datetime(2026, 2, 3, 10, tzinfo=dt.UTC),
    )
    commitment = Commitment.objects.create(
        call=call, party="customer", who="Anna", action="send the RFP", due=dt.date(2026, 2, 10)
    )
    step = MutualPlanStep.objects.create(
        opportunity=org.opp, key="rfp", title="RFP sent", owner="customer", source="commitment"
    )
    users = {role: getattr(org, role) for role in ROLES[1:]}
    return World(
        org=org,
        opp=org.opp,
        call=call,
        commitment=commitment,
        step=step,
        share=PlanShareLink.objects.create(opportunity=org.opp, created_by=org.rep),
        feed=CalendarFeed.objects.create(user=org.rep),
        tokens={role: create_token(user, "matrix")[1] for role, user in users.items()},
    )


def expected(probe: Probe, role: str, api: bool) -> int | tuple[int, ...] | str:
    if probe.scope == "public":
        return probe.ok
    if role == "anonymous":
        return 401 if api else LOGIN
    if probe.scope == "user":
        return probe.ok
    if probe.scope == "object":
        return probe.ok if role in SEE_RITAS else 404
    if probe.scope == "manager":
        return probe.ok if role in MANAGE else 403
    if probe.scope == "manager-object":
        return probe.ok if role in SEE_RITAS & MANAGE else 404 if role in MANAGE else 403
    raise AssertionError(f"unknown scope {probe.scope}")


def request(world: World, role: str, probe: Probe) -> tuple[str, Any]:
    url = probe.url(world)
    api = url.startswith("/api/")
    client = Client()
    headers = {}
    if role != "anonymous":
        if api:
            headers["Authorization"] = f"Bearer {world.tokens[role]}"
        else:
            client.force_login(getattr(world.org, role))
    kwargs: dict[str, Any] = {"headers": headers}
    if probe.body is not None:
        kwargs["data"] = probe.body
        if probe.json:
            kwargs["content_type"] = "application/json"
    return url, getattr(client, probe.method.lower())(url, **kwargs)


def matches(reply: Any, want: int | tuple[int, ...] | str) -> bool:
    if want == LOGIN:
        return reply.status_code == 302 and reply["Location"].startswith("/accounts/login/")
    return reply.status_code in (want if isinstance(want, tuple) else (want,))


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(world: World, name: str) -> None:
    wrong = []
    for probe in MATRIX[name]:
        for role in ROLES:
            url, reply = request(world, role, probe)
            want = expected(probe, role, url.startswith("/api/"))
            if not matches(reply, want):
                wrong.append(
                    f"{probe.method} {url} as {role}: {reply.status_code}, expected {want}"
                )
            if probe.reveal is not None and 200 <= reply.status_code < 300:
                body = reply.content.decode(errors="replace")
                shown = (
                    world.opp.name in body or "the RFP" in body
                )  # the deal, its call, its commitment
                if shown != (role in probe.reveal):
                    wrong.append(
                        f"{probe.method} {url} as {role}: rita's deal "
                        f"{'shown' if shown else 'missing'}"
                    )
    assert not wrong, "\n".join(wrong)


def test_unknown_ids_are_404_for_everyone(world: World) -> None:
    for url in (
        "/opportunities/999999/",
        "/coaching/opportunity/999999/",
        "/coaching/call/999999/followup/",
        "/api/v1/opportunities/999999",
        "/api/v1/opportunities/999999/coaching",
        "/api/v1/calls/999999",
        "/coaching/shared/guessed-token/",
        "/calendar/guessed-token.ics",
    ):
        api = url.startswith("/api/")
        client = Client()
        client.force_login(world.org.admin)
        headers = {"Authorization": f"Bearer {world.tokens['admin']}"} if api else {}
        assert client.get(url, headers=headers).status_code == 404, url


def test_admin_site_is_for_admins_only(world: World) -> None:
    from django.contrib import admin

    changelists = [
        f"/admin/{m._meta.app_label}/{m._meta.model_name}/" for m in admin.site._registry
    ]
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(world.org, role))
        for url in ["/admin/", *changelists]:
            reply = client.get(url)
            if role == "admin":
                assert reply.status_code == 200, f"{url} as admin: {reply.status_code}"
            else:
                assert reply.status_code == 302, f"{url} as {role}: {reply.status_code}"
                assert "/login/" in reply["Location"]
