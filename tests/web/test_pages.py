"""Every page answers each role as it should, and nobody reaches another team's data by URL."""

from __future__ import annotations

import pytest

PAGES = ["/pipeline/", "/log/", "/calendar/", "/tokens/"]


@pytest.mark.parametrize("role", ["rep", "manager", "admin", "foreign_rep"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_every_role(client, org, role, path):
    client.force_login(getattr(org, role))
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/log/"' in body and 'accesskey="l"' in body  # Log a call, one click away
    assert "htmx.min.js" in body


@pytest.mark.parametrize("path", PAGES + ["/review/", "/log/read/"])
def test_pages_need_login(client, org, path):
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_home_redirects_per_role(client, org):
    client.force_login(org.rep)
    assert client.get("/")["Location"] == "/pipeline/"
    client.force_login(org.manager)
    assert client.get("/")["Location"] == "/review/"
    client.force_login(org.admin)
    assert client.get("/")["Location"] == "/review/"


def test_review_is_for_managers(client, org):
    client.force_login(org.rep)
    assert client.get("/review/").status_code == 403
    for user in (org.manager, org.admin):
        client.force_login(user)
        assert client.get("/review/").status_code == 200


def test_navigation_by_role(client, org):
    client.force_login(org.rep)
    body = client.get("/pipeline/").content.decode()
    assert "Pipeline review" not in body and "/admin/" not in body
    client.force_login(org.admin)
    body = client.get("/pipeline/").content.decode()
    assert "Pipeline review" in body and "/admin/" in body


def test_opportunity_page_visibility(client, org, logged):
    for user, opp, status in [
        (org.rep, org.opp, 200),
        (org.rep, org.other_opp, 404),  # a teammate's deal
        (org.rep, org.foreign_opp, 404),  # another team's deal
        (org.manager, org.other_opp, 200),
        (org.manager, org.foreign_opp, 404),
        (org.admin, org.foreign_opp, 200),
    ]:
        client.force_login(user)
        assert client.get(f"/opportunities/{opp.pk}/").status_code == status, (user, opp)


def test_admin_stays_available(client, org):
    client.force_login(org.admin)
    assert client.get("/admin/").status_code == 200


def test_login_logout_password_change(client, org):
    from tests.conftest import PASSWORD

    response = client.post("/accounts/login/", {"username": "rita", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/password_change/").status_code == 200
    response = client.post(
        "/accounts/password_change/",
        {"old_password": "wrong", "new_password1": "x", "new_password2": "y"},
    )
    body = response.content.decode()
    assert 'aria-invalid="true"' in body and "incorrectly" in body
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/pipeline/").status_code == 302
