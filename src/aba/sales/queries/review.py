"""The review's facts for every opportunity in a scope, in a few set-based queries.

Each opportunity's facts (aba.core.review_rules.OpportunityFacts) come from four queries whose
cost grows with the number of rows, never their product, and which read no row twice:

- the opportunities created by the review date, in primary-key order (no sort), with their
  account: identity, display fields, and what the rules need whatever the deal's state;
- the deals open on the review date, each with its last call, the one before and the last
  advance: correlated subqueries that the covering index on Call(opportunity, when, id, ...)
  turns into one index seek each (~1.5 us in SQLite, ~2 us in PostgreSQL), and the last call's
  commitments by party (one seek on Commitment(call, party, ...));
- the open commitments, from their partial index (a few percent of all commitments): the
  customer's give `commitment_overdue` and `pending_customer_commitment`, all of them the
  review's open-commitment lists;
- the active snoozes (few).

For one deal (`opportunity_record`, its own page) the same queries narrow to it by its indexes
alone, and the open commitments are reached from its calls: no query reads other deals' rows.

Users, teams and stages are small tables read whole and joined in Python: a dictionary lookup
costs less than the index seek a SQL join makes for each of 100,000 rows.

The SQL is written once for SQLite and PostgreSQL: quoted "when", LIMIT/OFFSET, MATERIALIZED,
and a date compared with a timestamp (text order in SQLite, midnight UTC in PostgreSQL) agree.
`{day:expr}` is a timestamp's or date's calendar day (UTC): text 'YYYY-MM-DD' from SQLite,
which a cached parse turns into a date, and a date from PostgreSQL; reading it as a plain column
would run Django's SQLite converter (a Python regex parse) on every value.

"No call on or after the due date" is "the due date is after the last call's day", and "made on
the last call" compares call ids, so overdue commitments and open-commitment lists need no
further subquery once the last call is known. A deal closed by the review date has no call
facts; for those few that still carry open commitments, their last call comes with them.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.db.models import QuerySet

from aba.core.review_rules import LastCall, OpportunityFacts
from aba.sales.models import Opportunity
from aba.sales.queries.review_sql import (
    COMMITMENTS_SQL,
    CUSTOMER,
    CUSTOMER_DUES_SQL,
    LIVE_SQL,
    OPPORTUNITIES_SQL,
    SNOOZES_SQL,
    STAGES_SQL,
    USERS_SQL,
    Scope,
    expand,
    query_params,
)


class OpportunityRecord(NamedTuple):
    """One opportunity's identity and display fields, with its review facts."""

    id: int
    external_id: str | None
    name: str
    account: str
    owner: str
    team: str | None
    stage: str
    status: str
    last_call_id: int | None
    snooze_reason: str | None
    facts: OpportunityFacts
    # Commitments still open: those made on the last call, and earlier ones falling due after
    # it (pending, or slipped with no call since), soonest first. Empty unless asked for.
    open_commitments: list[dict[str, Any]]


Row = tuple[Any, ...]
Run = Callable[..., list[Row]]


@contextmanager
def _reading(as_of: dt.date, scope: Scope) -> Iterator[Run]:
    """Run the queries above. PostgreSQL: in a transaction, so that the setting below applies
    to these queries only. SQLite: in autocommit, as before; aba's SQLite transactions BEGIN
    IMMEDIATE, taking the write lock, which a read must not hold. The queries join their rows
    by opportunity in Python, which tolerates a write landing between two of them."""
    named = query_params(as_of)
    postgres = connection.vendor == "postgresql"
    with transaction.atomic() if postgres else nullcontext(), connection.cursor() as cursor:
        if postgres:
            # The planner's cost estimate for these queries crosses the JIT threshold, and
            # compiling them took longer (0.2 s) than running them: a review is not analytics.
            cursor.execute("SET LOCAL jit = off")

        def run(sql: str) -> list[Row]:
            final, params = expand(sql, named, scope)
            cursor.execute(final, params)
            return cursor.fetchall()

        yield run


@lru_cache(maxsize=4096)
def _iso_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def as_date(value: Any) -> dt.date | None:
    """A date from whatever the backend returned (date, datetime, or ISO text from SQLite)."""
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, str):
        return _iso_date(value[:10])
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.date()
    return _iso_date(str(value))


class _Days(dict[Any, Any]):
    """Calendar days by the value the backend returned: one parse per distinct day (a review
    sees a few hundred), then a dictionary hit."""

    def __missing__(self, key: Any) -> dt.date | None:
        value = as_date(key)
        self[key] = value
        return value


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building a review's hundreds of thousands of
    small objects, none of them cyclic: its full passes over the growing heap cost 0.4 s of the
    review at 100,000 deals. Restarted afterwards only if it was running."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def review_records(
    as_of: dt.date,
    scope: QuerySet[Opportunity] | None = None,
    *,
    with_commitments: bool = False,
) -> list[OpportunityRecord]:
    """Every opportunity created by `as_of` (within `scope`), with its facts as of that date,
    in id order; with `with_commitments`, each one's open commitments too."""
    return _records(as_of, scope, with_commitments)


def opportunity_record(
    opportunity_id: int, as_of: dt.date, *, with_commitments: bool = False
) -> OpportunityRecord | None:
    """One opportunity's record exactly as `review_records` gives it (None if it did not exist
    on `as_of`), from index seeks on that deal alone: for the pages of a single deal."""
    records = _records(as_of, opportunity_id, with_commitments)
    return records[0] if records else None


def _records(as_of: dt.date, scope: Scope, with_commitments: bool) -> list[OpportunityRecord]:
    with paused_gc(), _reading(as_of, scope) as run:
        base = run(OPPORTUNITIES_SQL)
        users = {uid: (username, team) for uid, username, team in run(USERS_SQL)}
        stages = {sid: (name, threshold) for sid, name, threshold in run(STAGES_SQL)}
        live = {row[0]: row for row in run(LIVE_SQL)}
        snooze_rows = run(SNOOZES_SQL)
        commitments = run(COMMITMENTS_SQL if with_commitments else CUSTOMER_DUES_SQL)
        days = _Days()
        snoozes = {oid: (days[until], reason) for oid, until, reason in snooze_rows}
        overdue, pending, lists = _commitment_facts(
            as_of, live, commitments, days, with_commitments
        )

        out: list[OpportunityRecord] = []
        append = out.append
        for oid, ext, name, account, reorders, owner_id, stage_id, amount, status, created in base:
            owner, team = users[owner_id]
            stage, threshold = stages[stage_id]
            if type(amount) is not Decimal:
                amount = Decimal(amount) if type(amount) is int else Decimal(str(amount))
            lf = live.get(oid)
            last_id = snooze_reason = None
            if lf is None:
                facts = OpportunityFacts(False, days[created], amount, bool(reorders), threshold)
            else:
                _, last_id, last_day, outcome, stall, asked, value_given, prev, adv, flags = lf
                last = None
                if last_id is not None:
                    flags = flags or 0
                    last = LastCall(
                        days[last_day],
                        outcome,
                        stall,
                        bool(asked),
                        bool(value_given),
                        bool(flags & 1),
                        bool(flags & 2),
                        bool(flags & 4),
                    )
                snoozed_until, snooze_reason = snoozes.get(oid, (None, None))
                dues = overdue.get(oid)
                facts = OpportunityFacts(
                    True,
                    days[created],
                    amount,
                    bool(reorders),
                    threshold,
                    snoozed_until,
                    last,
                    None if prev is None else bool(prev),
                    days[adv],
                    len(dues) if dues else 0,
                    min(dues) if dues else None,
                    oid in pending,
                )
            append(
                OpportunityRecord(
                    oid,
                    ext,
                    name,
                    account,
                    owner,
                    team,
                    stage,
                    status,
                    last_id,
                    snooze_reason,
                    facts,
                    lists.get(oid, []),
                )  # fmt: skip
            )
    return out


def _commitment_facts(
    as_of: dt.date,
    live: dict[int, Row],
    commitments: list[Row],
    days: _Days,
    with_lists: bool,
) -> tuple[dict[int, list[dt.date]], set[int], dict[int, list[dict[str, Any]]]]:
    """From the open commitments: per live deal, the due dates of its overdue customer
    commitments (fell due before as_of with no call on or after the due date, i.e. due after
    the last call's day) and whether one is pending (due on or after as_of); per deal, its
    open-commitment list (made on the last call, or due after it), soonest first."""
    overdue: dict[int, list[dt.date]] = {}
    pending: set[int] = set()
    if not with_lists:  # open customer commitments with a due date: (opportunity, due)
        for oid, due in commitments:
            lf = live.get(oid)
            if lf is not None:
                due = days[due]
                last_day = days[lf[2]]
                if due >= as_of:
                    pending.add(oid)
                elif last_day is not None and due > last_day:
                    overdue.setdefault(oid, []).append(due)
        return overdue, pending, {}
    customer = CUSTOMER
    mine: dict[int, list[Row]] = {}
    last_of: dict[int, tuple[int | None, dt.date | None]] = {}
    for oid, call_id, party, due, mid, who, action, closed_last_id, closed_last_day in commitments:
        due = days[due]
        lf = live.get(oid)
        if lf is not None:
            last_day = days[lf[2]]
            if due is not None and party == customer:
                if due >= as_of:
                    pending.add(oid)
                elif last_day is not None and due > last_day:
                    overdue.setdefault(oid, []).append(due)
            last_of[oid] = (lf[1], last_day)
        else:
            last_of[oid] = (closed_last_id, days[closed_last_day])
        mine.setdefault(oid, []).append((call_id, party, who, action, due, mid))
    lists: dict[int, list[dict[str, Any]]] = {}
    for oid, entries in mine.items():
        last_id, last_day = last_of[oid]
        kept = [
            e
            for e in entries
            if e[0] == last_id or (e[4] is not None and last_day is not None and e[4] > last_day)
        ]
        if len(kept) > 1:
            kept.sort(key=lambda e: (e[4] is None, e[4] or dt.date.min, e[5]))
        if kept:
            lists[oid] = [
                {"party": party, "who": who, "action": action, "due": due}
                for _, party, who, action, due, _ in kept
            ]
    return overdue, pending, lists


def open_commitments(
    as_of: dt.date, scope: QuerySet[Opportunity] | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Per opportunity, its commitments still open: those made on the last call, and earlier
    ones falling due after it (pending, or slipped with no call since)."""
    return {
        r.id: r.open_commitments
        for r in review_records(as_of, scope, with_commitments=True)
        if r.open_commitments
    }
