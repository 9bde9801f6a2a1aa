"""Create, list, revoke and check API tokens: the one service the web pages, CLI and API use."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.db.models import QuerySet
from django.utils import timezone

from aba.api.models import ApiToken
from aba.sales.models import User

TOKEN_PREFIX = "aba_"  # lets secret scanners and people recognise an aba token
PREFIX_LENGTH = 8
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)  # at most one write per token per minute


class TokenNotFound(LookupError):
    """No token with this id belongs to the user."""


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the raw token is returned once and never stored."""
    name = name.strip()
    if not name:
        raise ValueError("a token needs a name saying what it is for")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[:PREFIX_LENGTH], hashed_secret=hash_token(raw)
    )
    return token, raw


def list_tokens(user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first, revoked ones included (they show when they were revoked)."""
    return ApiToken.objects.filter(user=user).order_by("-created", "-id")


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's tokens (idempotent); raises TokenNotFound for anyone else's."""
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise TokenNotFound(f"no API token {token_id} for {user.username}")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for_token(raw: str) -> User | None:
    """The active user a raw token belongs to, or None for unknown, revoked or inactive."""
    if not raw or len(raw) > 200 or not raw.startswith(TOKEN_PREFIX):
        return None
    digest = hash_token(raw)
    candidates = ApiToken.objects.filter(
        prefix=raw[:PREFIX_LENGTH], revoked_at__isnull=True
    ).select_related("user", "user__team")
    for token in candidates:
        if hmac.compare_digest(token.hashed_secret, digest):
            if not token.user.is_active:
                return None
            _touch(token)
            return token.user
    return None


def _touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
