"""How an API request proves who it is: a bearer token, or the web session for the docs page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from aba.api.tokens import user_for_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer aba_...`: a per-user token created in the web app or `aba tokens`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user  # the views and visibility rules read request.user
        return user


class ActiveSessionAuth(SessionAuth):
    """The logged-in web session (CSRF-checked on unsafe methods): the docs page can try calls."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated and user.is_active else None


API_AUTH = [TokenAuth(), ActiveSessionAuth()]
