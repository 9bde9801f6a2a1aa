"""API fixtures: a token per user of the `org` fixture and a client that sends it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


class ApiClient:
    """Django's test client with a bearer token and JSON bodies."""

    def __init__(self, raw_token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw_token}"} if raw_token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}", body, content_type="application/json", headers=self.headers
        )

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api/v1{path}", headers=self.headers)

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(
            f"/api/v1{path}", body, content_type="application/json", headers=self.headers
        )


@pytest.fixture(autouse=True)
def api_settings(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.api.urls"


@pytest.fixture
def api_as(org: Any) -> Any:
    """api_as(user) -> an ApiClient authenticated with a fresh token of that user."""
    from aba.api.tokens import create_token

    def make(user: Any) -> ApiClient:
        return ApiClient(create_token(user, "tests")[1])

    return make
