"""The real urlconf serves the API under /api/v1, exempt from the login redirect."""

from __future__ import annotations

import pytest
from django.urls import resolve


@pytest.mark.urls("aba.urls")
def test_aba_urls_route_the_api_without_login_redirect():
    match = resolve("/api/v1/me")
    assert getattr(match.func, "login_required", True) is False
    assert resolve("/api/v1/openapi.json").url_name == "openapi-json"
