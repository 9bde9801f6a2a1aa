"""Who is acting right now: set per request by the middleware, per command by `acting_as`.

A context variable (not a thread-local) so that it follows the code through threads of gunicorn
and through async code alike, and never leaks from one request into the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    """The acting user (resolved lazily from the request: most requests never write)."""

    via: str
    user: Any = None
    request: Any = None

    def resolve(self) -> Any:
        if self.user is not None:
            return self.user
        if self.request is None:
            return None
        for candidate in (getattr(self.request, "auth", None), getattr(self.request, "user", None)):
            if getattr(candidate, "is_authenticated", False) and getattr(candidate, "pk", None):
                return candidate
        return None


_current: ContextVar[Actor | None] = ContextVar("aba_audit_actor", default=None)


def current_actor() -> Actor:
    return _current.get() or Actor(via="system")


@contextmanager
def acting_as(user: Any = None, *, via: str = "cli", request: Any = None) -> Iterator[Actor]:
    """Attribute every change made inside the block to `user` (None: aba itself), via `via`."""
    actor = Actor(via=via, user=user, request=request)
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)
