"""The data behind the review's charts: advancing figures by month and the learned thresholds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.safestring import SafeString

from aba.core.vocabulary import Role
from aba.sales.models import User
from aba.sales.services.figures import Figures, advancing_figures
from aba.sales.services.thresholds import learn_thresholds
from aba.web.charts import Series, bar_line_chart, inline_svg, sparkline

MONTHS = 6


@dataclass(frozen=True)
class RepTrend:
    username: str
    calls: int
    advance_rate: float | None  # over the months shown
    asked_rate: float | None
    kept: int
    missed: int
    spark: SafeString


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _money(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 1_000:
        return f"{value / 1_000:.0f}k"
    return f"{value:.0f}"


def _nice_top(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 2.5, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10.0 * power


def _team_totals(rows: list[Figures], months: list[dt.date]) -> list[Figures]:
    """Per month, the sum over the teams in scope (an admin may see several)."""
    totals = {m: Figures("team", "all", None, m) for m in months}
    for f in rows:
        if f.level == "team" and f.month in totals:
            totals[f.month].add(f)
    return [totals[m] for m in months]


def rep_trends(rows: list[Figures], months: list[dt.date]) -> list[RepTrend]:
    labels = [m.strftime("%b") for m in months]
    by_rep: dict[str, dict[dt.date, Figures]] = {}
    for f in rows:
        if f.level == "rep":
            by_rep.setdefault(f.name, {})[f.month] = f
    trends = []
    for name, per_month in sorted(by_rep.items()):
        series = [per_month[m].advance_rate if m in per_month else None for m in months]
        total = Figures("rep", name, None, months[-1])
        for f in per_month.values():
            total.add(f)
        trends.append(
            RepTrend(
                username=name,
                calls=total.calls,
                advance_rate=_rate(total.advances, total.calls),
                asked_rate=_rate(total.asked, total.calls),
                kept=total.kept,
                missed=total.missed,
                spark=sparkline(series, labels, name=f"Advance rate of {name} by month"),
            )
        )
    return trends


def charts_context(user: User, team: str | None, today: dt.date) -> dict[str, Any]:
    """Everything the charts fragment shows, for the user's scope."""
    report = advancing_figures(user=user, team=team, months=MONTHS, as_of=today)
    months = report.months
    labels = [m.strftime("%b %Y") if m.month == 1 or i == 0 else m.strftime("%b")
              for i, m in enumerate(months)]  # fmt: skip
    totals = _team_totals(report.rows, months)
    rate_chart = bar_line_chart(
        labels,
        Series("Advance rate (advances and orders per call)", [t.advance_rate for t in totals]),
        Series("Asked for a commitment", [t.asked_rate for t in totals]),
        title="Team advance rate by month",
    )
    stalled = [float(t.stalled_value) for t in totals]
    stalled_chart = bar_line_chart(
        labels,
        Series("Stalled pipeline value at month end", stalled),
        title="Stalled pipeline value by month",
        top=_nice_top(max(stalled, default=0.0)),
        fmt=_money,
    )
    # A manager's thresholds are their team's; an admin's are the chosen team's, or all teams'.
    scope = team if user.is_superuser or user.role == Role.ADMIN else _own_team(user)
    thresholds = learn_thresholds(team=scope)
    panels = [(r.stage if scope else f"{r.team}: {r.stage}", r.proposal) for r in thresholds]
    from aba.core.svg_chart import win_rate_chart

    title = "Win rate by days since the last advance, per stage (learned thresholds in red)"
    return {
        "rate_chart": rate_chart,
        "stalled_chart": stalled_chart,
        "trends": rep_trends(report.rows, months),
        "thresholds_chart": inline_svg(win_rate_chart(panels, title)) if panels else None,
        "thresholds": thresholds,
        "stalled_now": Decimal(str(stalled[-1])) if stalled else Decimal(0),
    }


def _own_team(user: User) -> str | None:
    return user.team.name if user.team_id and user.team else None
