"""Reliability tests hash passwords with a fast hasher: they log in a lot, and PBKDF2's cost
protects stored passwords, which these throwaway databases have none worth protecting."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
