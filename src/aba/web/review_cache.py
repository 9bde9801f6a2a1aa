"""The pipeline review, computed once per change of the data and shared by the page views.

Judging a team's whole pipeline takes seconds at 100,000 opportunities, far over the pages'
300 ms budget, while the data changes a few times a minute at most. So each process keeps the
latest reviews in memory, keyed by scope, day and a data version that every process can read in
one cheap query:
- a counter bumped after every committed transaction that saved or deleted a call, commitment,
  snooze, opportunity, stage or team (signals, so the API, CLI and admin count too);
- the highest ids of those tables, which catch bulk inserts (imports, the demo) that send no
  signals.
A bulk update that sends no signal and adds no row is picked up within `MAX_AGE` at worst.
Team-wide pages may show the previous review for a moment while the new one is judged
(`allow_stale`); the page then says when its figures were judged.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from aba.core.vocabulary import Role
from aba.sales.models import Call, Commitment, Opportunity, Snooze, Stage, Team, User
from aba.sales.services.review import PipelineReview, review_pipeline
from aba.web.models import PipelineVersion

T = TypeVar("T")
_MISSING = object()

MAX_ENTRIES = 16  # a process serves a handful of teams; each entry holds one team's rows
MAX_AGE = 300.0  # seconds: the bound on staleness for writes that send no signal
MAX_STALE = 600.0  # seconds a team-wide review may be shown while a fresh one is judged

_VERSION_SQL = """
SELECT (SELECT version FROM web_pipelineversion WHERE id = 1),
  (SELECT MAX(id) FROM sales_call), (SELECT MAX(id) FROM sales_commitment),
  (SELECT MAX(id) FROM sales_snooze), (SELECT MAX(id) FROM sales_opportunity)
"""


@dataclass(frozen=True)
class Cached:
    """A judged review, when it was judged, and whether newer data is being judged now."""

    review: PipelineReview
    judged_at: dt.datetime
    version: tuple[Any, ...]
    monotonic: float
    stale: bool = False


_lock = threading.Lock()
_entries: OrderedDict[tuple[Any, ...], Cached] = OrderedDict()
_refreshing: dict[tuple[Any, ...], threading.Thread] = {}
# Figures derived from a cached review (counts, the six questions...), by id of the review.
_derived: dict[int, dict[str, Any]] = {}


def data_version() -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        return tuple(cursor.fetchone())


def scope_key(user: User, team: str | None, rep: str | None) -> tuple[Any, ...]:
    """Users who see the same opportunities share a key (visibility rules, aba.sales.visibility)."""
    if user.is_superuser or user.role == Role.ADMIN:
        seen: tuple[Any, ...] = ("all",)
    elif user.role == Role.MANAGER:
        seen = ("team", user.team_id)
    else:
        seen = ("own", user.pk)
    return (*seen, team, rep)


def cached_review(
    *,
    user: User,
    as_of: dt.date,
    team: str | None = None,
    rep: str | None = None,
    with_commitments: bool = True,
    allow_stale: bool = False,
) -> Cached:
    """`review_pipeline` for this user's scope, from memory while the data has not changed.

    With `allow_stale` (team-wide pages), a review judged before the latest change is shown
    while a background thread judges the new data, so a manager never waits seconds for it; a
    rep's own pipeline is small enough to judge again at once, and must show their last call.
    """
    key = (*scope_key(user, team, rep), as_of, with_commitments)
    version = data_version()
    now = time.monotonic()
    with _lock:
        hit = _entries.get(key)
        if hit is not None:
            _entries.move_to_end(key)
    if hit is not None and now - hit.monotonic < MAX_AGE and hit.version == version:
        return hit
    if allow_stale and hit is not None and now - hit.monotonic < MAX_STALE:
        _refresh_later(key, user=user, as_of=as_of, team=team, rep=rep,
                       with_commitments=with_commitments)  # fmt: skip
        return replace(hit, stale=True)
    return _judge(key, version, user=user, as_of=as_of, team=team, rep=rep,
                  with_commitments=with_commitments)  # fmt: skip


def _judge(key: tuple[Any, ...], version: tuple[Any, ...], **scope: Any) -> Cached:
    review = review_pipeline(**scope)
    entry = Cached(review, timezone.now(), version, time.monotonic())
    with _lock:
        old = _entries.get(key)
        if old is not None:
            _derived.pop(id(old.review), None)
        _entries[key] = entry
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _, evicted = _entries.popitem(last=False)
            _derived.pop(id(evicted.review), None)
    return entry


def _refresh_later(key: tuple[Any, ...], **scope: Any) -> None:
    """Judge the scope again in a background thread, once at a time per scope."""

    def run() -> None:
        try:
            _judge(key, data_version(), **scope)
        finally:
            with _lock:
                _refreshing.pop(key, None)
            connection.close()  # this thread's own connection

    with _lock:
        if key in _refreshing:
            return
        thread = threading.Thread(target=run, name="aba-review-refresh", daemon=True)
        _refreshing[key] = thread
    thread.start()


def wait_for_refreshes(timeout: float = 60.0) -> None:
    """Wait for background judging to finish (tests, benchmarks)."""
    with _lock:
        threads = list(_refreshing.values())
    for thread in threads:
        thread.join(timeout)


def derived(entry: Cached, name: str, compute: Callable[[PipelineReview], T]) -> T:
    """`compute(review)`, kept beside a cached review so each request does not redo it."""
    review = entry.review
    with _lock:
        cached = _derived.get(id(review), {}).get(name, _MISSING)
        live = any(e.review is review for e in _entries.values())
    if cached is not _MISSING:
        return cached  # type: ignore[no-any-return]
    value = compute(review)
    if live:
        with _lock:
            _derived.setdefault(id(review), {})[name] = value
    return value


def clear() -> None:
    """Forget every cached review (tests start from a clean slate)."""
    wait_for_refreshes()
    with _lock:
        _entries.clear()
        _derived.clear()


def _bump() -> None:
    if not PipelineVersion.objects.filter(pk=1).update(version=F("version") + 1):
        PipelineVersion.objects.get_or_create(pk=1)


def _changed(sender: type, **kwargs: Any) -> None:
    """Schedule one bump after the transaction commits (not one per row saved)."""
    fields = kwargs.get("update_fields")
    if sender is User and fields is not None and not {"team", "role", "is_active"} & set(fields):
        return  # a login stamping last_login changes nothing the review reads
    conn = transaction.get_connection()
    if conn.in_atomic_block and any(item[1] is _bump for item in conn.run_on_commit):
        return
    transaction.on_commit(_bump)


WATCHED = (Call, Commitment, Snooze, Opportunity, Stage, Team, User)


def connect_signals() -> None:
    handler: Callable[..., None] = _changed
    for model in WATCHED:
        post_save.connect(handler, sender=model, dispatch_uid=f"aba.web.review_cache.{model}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"aba.web.review_cache.d{model}")
