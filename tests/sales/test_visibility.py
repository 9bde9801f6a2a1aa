"""A rep sees their own opportunities, a manager their team's, an admin all."""

import pytest

from aba.sales.models import User
from aba.sales.visibility import visible_opportunities


def names(user: object) -> set[str]:
    return set(visible_opportunities(user).values_list("name", flat=True))


def test_rep_sees_only_own(org):
    assert names(org.rep) == {"Acme platform"}
    assert names(org.foreign_rep) == {"Acme EU"}


def test_manager_sees_team(org):
    assert names(org.manager) == {"Acme platform", "Acme add-on"}
    assert names(org.foreign_manager) == {"Acme EU"}


def test_admin_sees_all(org):
    assert names(org.admin) == {"Acme platform", "Acme add-on", "Acme EU"}


def test_inactive_or_teamless_manager_sees_nothing(org):
    org.rep.is_active = False
    assert names(org.rep) == set()
    lonely = User.objects.create(username="lonely", role="manager")
    assert names(lonely) == set()


@pytest.mark.parametrize("path", ["/", "/admin/"])
def test_pages_need_login(client, org, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_home_lists_visible_opportunities(client, org):
    client.force_login(org.rep)
    body = client.get("/", follow=True).content.decode()
    assert "Acme platform" in body and "Acme EU" not in body
