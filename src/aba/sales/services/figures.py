"""Advancing figures per rep, team and month: is the team getting advances, asking, and getting
customers to keep their word? A few aggregate queries for the whole scope, never one per deal.

- calls, advance rate (advances and orders per call), continuation rate, asked rate: calls by
  the month they happened, credited to the rep who made them;
- customer commitments kept vs missed: by the month they fell due, credited to the rep of the
  call they were made on (only those whose status says so);
- median days between advances: between consecutive advances (or orders) on the same deal,
  counted in the month of the later one;
- stalled pipeline value: the review's stalled amount at the end of the month (today for the
  current one), credited to the deal's owner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth

from aba.core.figures import last_months, median, month_end, month_start, rate
from aba.core.vocabulary import CommitmentStatus, Outcome, Party, ReviewStatus
from aba.sales.models import Call, Commitment, User
from aba.sales.queries.review import as_date
from aba.sales.services.review import review_pipeline, review_scope

ADVANCED = [Outcome.ADVANCE.value, Outcome.ORDER.value]


@dataclass
class Figures:
    level: str  # "rep" or "team"
    name: str
    team: str | None
    month: dt.date
    calls: int = 0
    advances: int = 0
    continuations: int = 0
    asked: int = 0
    kept: int = 0
    missed: int = 0
    stalled_value: Decimal = Decimal(0)
    gaps: list[int] = field(default_factory=list)

    @property
    def advance_rate(self) -> float | None:
        return rate(self.advances, self.calls)

    @property
    def continuation_rate(self) -> float | None:
        return rate(self.continuations, self.calls)

    @property
    def asked_rate(self) -> float | None:
        return rate(self.asked, self.calls)

    @property
    def median_days_between_advances(self) -> float | None:
        return median(self.gaps)

    def add(self, other: Figures) -> None:
        for name in ("calls", "advances", "continuations", "asked", "kept", "missed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.stalled_value += other.stalled_value
        self.gaps.extend(other.gaps)

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "name": self.name,
            "team": self.team,
            "month": self.month.strftime("%Y-%m"),
            "calls": self.calls,
            "advance_rate": self.advance_rate,
            "continuation_rate": self.continuation_rate,
            "asked_rate": self.asked_rate,
            "commitments_kept": self.kept,
            "commitments_missed": self.missed,
            "median_days_between_advances": self.median_days_between_advances,
            "advances_between": len(self.gaps),
            "stalled_value": float(self.stalled_value),
        }


@dataclass(frozen=True, slots=True)
class FiguresReport:
    as_of: dt.date
    months: list[dt.date]
    rows: list[Figures]  # reps then teams, each by name then month

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "figures": [r.to_json() for r in self.rows]}


def _month(value: Any) -> dt.date:
    return month_start(as_date(value))  # type: ignore[arg-type]


def advancing_figures(
    *,
    user: User | None = None,
    team: str | None = None,
    rep: str | None = None,
    months: int = 6,
    as_of: dt.date | None = None,
) -> FiguresReport:
    """Figures per rep and per team for each of the last `months` months up to `as_of`."""
    as_of = as_of or dt.date.today()
    firsts = last_months(as_of, months)
    start = dt.datetime.combine(firsts[0], dt.time(), tzinfo=dt.UTC)
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    scope = review_scope(user=user, team=team, rep=rep)
    calls = Call.objects.filter(when__gte=start, when__lt=cutoff)
    commitments = Commitment.objects.filter(
        party=Party.CUSTOMER,
        due__gte=firsts[0],
        due__lte=as_of,
        status__in=[CommitmentStatus.KEPT, CommitmentStatus.MISSED],
    )
    if scope is not None:
        calls = calls.filter(opportunity__in=scope)
        commitments = commitments.filter(call__opportunity__in=scope)

    rows: dict[tuple[str, dt.date], Figures] = {}

    def row(name: str, team_name: str | None, month: dt.date) -> Figures:
        key = (name, month)
        if key not in rows:
            rows[key] = Figures("rep", name, team_name, month)
        return rows[key]

    per_rep = (
        calls.annotate(month=TruncMonth("when"))
        .values_list("rep__username", "rep__team__name", "month")
        .annotate(
            n=Count("id"),
            adv=Count("id", filter=Q(outcome__in=ADVANCED)),
            cont=Count("id", filter=Q(outcome=Outcome.CONTINUATION)),
            asked=Count("id", filter=Q(asked=True)),
        )
        .order_by()
    )
    for username, team_name, month, n, adv, cont, asked in per_rep:
        f = row(username, team_name, _month(month))
        f.calls, f.advances, f.continuations, f.asked = n, adv, cont, asked

    kept_missed = (
        commitments.annotate(month=TruncMonth("due"))
        .values_list("call__rep__username", "call__rep__team__name", "month")
        .annotate(
            kept=Count("id", filter=Q(status=CommitmentStatus.KEPT)),
            missed=Count("id", filter=Q(status=CommitmentStatus.MISSED)),
        )
        .order_by()
    )
    for username, team_name, month, kept, missed in kept_missed:
        f = row(username, team_name, _month(month))
        f.kept, f.missed = kept, missed

    previous = Call.objects.filter(
        opportunity=OuterRef("opportunity"), outcome__in=ADVANCED, when__lt=OuterRef("when")
    ).order_by("-when")
    gaps = (
        calls.filter(outcome__in=ADVANCED)
        .annotate(previous=Subquery(previous.values("when")[:1]))
        .filter(previous__isnull=False)
        .values_list("rep__username", "rep__team__name", "when", "previous")
    )
    for username, team_name, when, prev in gaps:
        day = as_date(when)
        row(username, team_name, month_start(day)).gaps.append((day - as_date(prev)).days)  # type: ignore[operator]

    for first in firsts:
        review = review_pipeline(
            user=user, team=team, rep=rep, as_of=month_end(first, as_of), with_commitments=False
        )
        for r in review.rows:
            if r.status == ReviewStatus.STALLED:
                row(r.owner, r.team, first).stalled_value += r.amount

    reps = sorted(rows.values(), key=lambda f: (f.team or "", f.name, f.month))
    teams: dict[tuple[str, dt.date], Figures] = {}
    for f in reps:
        key = (f.team or "(no team)", f.month)
        teams.setdefault(key, Figures("team", key[0], f.team, f.month)).add(f)
    return FiguresReport(
        as_of, firsts, reps + sorted(teams.values(), key=lambda f: (f.name, f.month))
    )
