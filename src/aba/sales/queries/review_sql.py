"""The review's SQL, written once for SQLite and PostgreSQL, and the macros that adapt it.

See aba.sales.queries.review for what each query reads and why it stays linear.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from aba.core.vocabulary import CommitmentStatus, OpportunityStatus, Outcome, Party
from aba.sales.models import Opportunity

OPPORTUNITIES_SQL = """
SELECT o.id, o.external_id, o.name, a.name, a.reorders, o.owner_id, o.stage_id, o.amount,
  o.status, {day:o.created}
FROM sales_opportunity o
JOIN sales_account a ON a.id = o.account_id
WHERE o.created <= %(as_of)s {scope:o.id}
ORDER BY o.id
"""

# Open on the review date (won/lost deals closed later were still open then).
_LIVE = "(o.status NOT IN (%(won)s, %(lost)s) OR o.closed > %(as_of)s)"
LIVE_SQL = """
WITH f AS MATERIALIZED (
  SELECT o.id,
    (SELECT c.id FROM sales_call c WHERE c.opportunity_id = o.id AND c."when" < %(cutoff)s
      ORDER BY c."when" DESC, c.id DESC LIMIT 1) AS last_id,
    (SELECT c.value_given FROM sales_call c WHERE c.opportunity_id = o.id
      AND c."when" < %(cutoff)s ORDER BY c."when" DESC, c.id DESC LIMIT 1 OFFSET 1) AS prev_value,
    (SELECT MAX(c."when") FROM sales_call c WHERE c.opportunity_id = o.id
      AND c.outcome IN (%(advance)s, %(order)s) AND c."when" < %(cutoff)s) AS last_advance
  FROM sales_opportunity o
  WHERE o.created <= %(as_of)s
    AND {live} {scope:o.id}
)
SELECT f.id, f.last_id, {day:lc."when"}, lc.outcome, lc.stall, lc.asked, lc.value_given,
  f.prev_value, {day:f.last_advance},
  (SELECT MAX(CASE WHEN m.party = %(customer)s THEN 1 ELSE 0 END)
        + MAX(CASE WHEN m.party = %(customer)s AND m.due IS NOT NULL AND NOT m.vague
                   THEN 2 ELSE 0 END)
        + MAX(CASE WHEN m.party = %(rep)s THEN 4 ELSE 0 END)
     FROM sales_commitment m WHERE m.call_id = lc.id) AS flags
FROM f
LEFT JOIN sales_call lc ON {last_call}
"""

# How to reach the last call's row. SQLite: through the covering index, never the table, whose
# rows carry the notes and aba's reading (`+ 0` stops it choosing the rowid). In PostgreSQL the
# same index answers both forms with an index-only scan.
_LAST_CALL_JOIN = {
    "sqlite": "lc.opportunity_id = f.id AND lc.id + 0 = f.last_id",
    "postgresql": "lc.id = f.last_id",
}

# `CROSS JOIN` is an ordinary join to PostgreSQL but tells SQLite to drive from the open
# commitments' partial index (migration 0003); left to itself it walked every call before the
# review date and sought its commitments (1.4 s instead of 0.15 s at 700,000 calls). The status
# is a literal, not a parameter: SQLite uses a partial index only for a WHERE term it can match.
# Only what the facts need: open customer commitments with a due date.
CUSTOMER_DUES_SQL = """
SELECT ca.opportunity_id, {day:m.due}
FROM {open_commitments}
WHERE m.status = '{open}' AND m.party = %(customer)s AND m.due IS NOT NULL
  AND ca.id = m.call_id AND ca."when" < %(cutoff)s {scope:ca.opportunity_id}
"""
# All open commitments, for the review's lists too. A deal closed by the review date has no
# call facts: for its (rare) open commitments the row brings its last call's id and day.
COMMITMENTS_SQL = """
SELECT ca.opportunity_id, m.call_id, m.party, {day:m.due}, m.id, m.who, m.action,
  CASE WHEN {live} THEN NULL ELSE
    (SELECT c.id FROM sales_call c WHERE c.opportunity_id = o.id AND c."when" < %(cutoff)s
      ORDER BY c."when" DESC, c.id DESC LIMIT 1) END AS closed_last_id,
  CASE WHEN {live} THEN NULL ELSE
    (SELECT {day:MAX(c."when")} FROM sales_call c WHERE c.opportunity_id = o.id
      AND c."when" < %(cutoff)s) END AS closed_last_day
FROM {open_commitments} CROSS JOIN sales_opportunity o
WHERE m.status = '{open}' AND ca.id = m.call_id AND ca."when" < %(cutoff)s
  AND o.id = ca.opportunity_id {scope:ca.opportunity_id}
"""
LIVE_SQL, CUSTOMER_DUES_SQL, COMMITMENTS_SQL = (
    sql.replace("{open}", CommitmentStatus.OPEN.value).replace("{live}", _LIVE)
    for sql in (LIVE_SQL, CUSTOMER_DUES_SQL, COMMITMENTS_SQL)
)

SNOOZES_SQL = """
SELECT z.opportunity_id, {day:z.until}, z.reason FROM sales_snooze z
WHERE z.until > %(as_of)s {scope:z.opportunity_id}
ORDER BY z.opportunity_id, z.until, z.id
"""

USERS_SQL = """
SELECT u.id, u.username, t.name FROM sales_user u LEFT JOIN sales_team t ON t.id = u.team_id
{one:WHERE u.id = (SELECT o.owner_id FROM sales_opportunity o WHERE o.id = %(opportunity)s)}
"""
STAGES_SQL = """
SELECT s.id, s.name, COALESCE(s.threshold_days, t.no_advance_days)
FROM sales_stage s JOIN sales_team t ON t.id = s.team_id
{one:WHERE s.id = (SELECT o.stage_id FROM sales_opportunity o WHERE o.id = %(opportunity)s)}
"""

# Where the open commitments are read from. A scope of many deals drives from the open
# commitments' partial index (see above); one deal (its own page) drives from its calls on the
# review index and seeks each call's commitments by call id: reading every open commitment to
# keep one deal's took 0.2 s at 100,000 deals, the seeks well under 1 ms (`opportunity_record`).
_OPEN_COMMITMENTS = {
    "many": "sales_commitment m CROSS JOIN sales_call ca",
    "one": "sales_call ca CROSS JOIN sales_commitment m",
}

_DAY = {
    "sqlite": r"substr(\1, 1, 10)",
    "postgresql": r"CAST(\1 AS date)",
}
_DAY_MACRO = re.compile(r"\{day:([^{}]+?)\}(?=[,\s]|$)")
_NAMED = re.compile(r"%\((\w+)\)s")
_SCOPE_PLACEHOLDER = re.compile(r"(?<!%)%s")
_SCOPE = re.compile(r"\{scope:([\w.]+)\}")
_ONE = re.compile(r"\{one:([^{}]*)\}")

# What a review covers: every opportunity (None), those of a queryset, or one opportunity by id.
Scope = QuerySet[Opportunity] | int | None

CUSTOMER = Party.CUSTOMER.value


def query_params(as_of: dt.date) -> dict[str, Any]:
    ops = connection.ops
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    return {
        "as_of": ops.adapt_datefield_value(as_of),
        "cutoff": ops.adapt_datetimefield_value(cutoff),
        "advance": Outcome.ADVANCE.value,
        "order": Outcome.ORDER.value,
        "customer": CUSTOMER,
        "rep": Party.REP.value,
        "won": OpportunityStatus.WON.value,
        "lost": OpportunityStatus.LOST.value,
    }


def expand(sql: str, named: dict[str, Any], scope: Scope) -> tuple[str, list[Any]]:
    """Expand the macros and rewrite %(name)s placeholders as %s with a parameter list."""
    vendor = connection.vendor
    sql = _DAY_MACRO.sub(_DAY.get(vendor, _DAY["postgresql"]), sql)
    sql = sql.replace("{last_call}", _LAST_CALL_JOIN.get(vendor, "lc.id = f.last_id"))
    one = isinstance(scope, int)
    sql = sql.replace("{open_commitments}", _OPEN_COMMITMENTS["one" if one else "many"])
    sql = _ONE.sub(r"\1" if one else "", sql)
    named = dict(named)
    if scope is None:
        sql = _SCOPE.sub("", sql)
    elif isinstance(scope, int):
        named["opportunity"] = scope
        sql = _SCOPE.sub(lambda m: f"AND {m.group(1)} = %(opportunity)s", sql)
    else:
        inner, inner_params = scope.order_by().values("id").query.sql_with_params()
        for i, value in enumerate(inner_params):
            named[f"scope_{i}"] = value
        counter = iter(range(len(inner_params)))
        inner = _SCOPE_PLACEHOLDER.sub(lambda _: f"%(scope_{next(counter)})s", inner)
        sql = _SCOPE.sub(lambda m: f"AND {m.group(1)} IN ({inner})", sql)
    params: list[Any] = []

    def take(match: re.Match[str]) -> str:
        params.append(named[match.group(1)])
        return "%s"

    return _NAMED.sub(take, sql), params
