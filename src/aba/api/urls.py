"""Routes /api/v1/ to the ninja API, exempt from the login redirect: the API does its own auth."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path

from aba.api.api import api


def _exempt(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    """Mark every API view login_not_required: a client gets 401 JSON, never a login page."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _exempt(pattern.url_patterns)
        else:
            pattern.callback = login_not_required(pattern.callback)
    return patterns


def _urls() -> Any:
    patterns, app_name, namespace = api.urls
    return _exempt(patterns), app_name, namespace


urlpatterns = [path("v1/", _urls())]
