"""`aba review`, `aba snooze`, `aba figures`, `aba thresholds`: which deals are really moving."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from aba.cli import bootstrap
from aba.cli.console import console, fail

_STATUS_STYLE = {"stalled": "bold red", "snoozed": "yellow", "advancing": "green", "closed": "dim"}


def _date(value: str | None, option: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date: use YYYY-MM-DD")


def _dump(doc: dict[str, Any]) -> None:
    """JSON on stdout only, so `aba review --json | jq` sees nothing else."""
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    sys.stdout.flush()


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _money(value: object) -> str:
    return f"{float(value):,.0f}"  # type: ignore[arg-type]


def review(
    as_of: str | None = typer.Option(None, "--as-of", help="Judge as of this date (YYYY-MM-DD)."),
    team: str | None = typer.Option(None, "--team", help="Only this team's opportunities."),
    rep: str | None = typer.Option(None, "--rep", help="Only this rep's (username) opportunities."),
    as_json: bool = typer.Option(False, "--json", help="Write the review as JSON to stdout."),
    limit: int = typer.Option(50, "--limit", help="Rows shown in the table (0: all)."),
) -> None:
    """Review the pipeline: every open deal advancing or stalled (and why), most at risk first."""
    day = _date(as_of, "--as-of")
    bootstrap.django()
    from aba.sales.services.review import review_pipeline

    result = review_pipeline(as_of=day, team=team, rep=rep)
    if as_json:
        _dump(result.to_json())
        return
    table = Table(title=f"Pipeline review as of {day}")
    for column in ("status", "id", "opportunity", "owner", "stage"):
        table.add_column(column)
    table.add_column("amount", justify="right")
    table.add_column("days", justify="right")
    for column in ("last call", "last advance", "reasons"):
        table.add_column(column)
    shown = result.rows if limit <= 0 else result.rows[:limit]
    for r in shown:
        status = r.status.value
        why = ", ".join(x.value for x in r.reasons)
        if r.snoozed_until:
            why = f"until {r.snoozed_until}: {r.snooze_reason}"
        table.add_row(
            f"[{_STATUS_STYLE[status]}]{status}[/]",
            r.public_id,
            f"{r.name} ({r.account})",
            r.owner,
            r.stage,
            _money(r.amount),
            str(r.days_stalled or ""),
            str(r.last_call or "-"),
            str(r.last_advance or "-"),
            why,
        )
    console.print(table)
    if len(shown) < len(result.rows):
        console.print(f"... and {len(result.rows) - len(shown)} more (--limit 0 or --json)")
    counts = result.counts()
    console.print(
        ", ".join(f"{n} {s}" for s, n in counts.items())
        + f"; stalled value {_money(result.stalled_value())}"
    )
    questions = Table(title="The manager's questions")
    questions.add_column("question")
    questions.add_column("deals", justify="right")
    questions.add_column("amount", justify="right")
    questions.add_column("first ids")
    for q in result.questions():
        ids = ", ".join(r.public_id for r in q.rows[:5]) + (" ..." if q.count > 5 else "")
        questions.add_row(q.title, str(q.count), _money(q.amount), ids)
    console.print(questions)


def snooze(
    opportunity: str | None = typer.Argument(
        None, help="The opportunity's id (its CRM id, or aba's). Omit to list active snoozes."
    ),
    until: str | None = typer.Option(None, "--until", help="Restart date (YYYY-MM-DD)."),
    reason: str | None = typer.Option(None, "--reason", help="Why the pause is legitimate."),
    clear: bool = typer.Option(False, "--clear", help="End the opportunity's snooze now."),
) -> None:
    """Pause a deal's warnings until a date for a stated reason (it comes back by itself)."""
    bootstrap.django()
    from aba.sales.services import review as service
    from aba.sales.services.imports.writer import find_opportunity

    if opportunity is None:
        table = Table("opportunity", "owner", "until", "reason", "by", title="Active snoozes")
        for z in service.active_snoozes(as_of=dt.date.today()):
            by = z.created_by.username if z.created_by else "-"
            table.add_row(
                z.opportunity.public_id + f" {z.opportunity.name}",
                z.opportunity.owner.username,
                str(z.until),
                z.reason,
                by,
            )
        console.print(table)
        return
    opp = find_opportunity(opportunity)
    if opp is None:
        fail(f"no opportunity with id {opportunity!r}: use the id `aba review` shows")
    if clear:
        ended = service.unsnooze(opp)
        console.print(f"{opp.public_id}: {ended} snooze(s) ended" if ended else "not snoozed")
        return
    if until is None or not (reason or "").strip():
        fail("a snooze needs --until YYYY-MM-DD and --reason TEXT (or --clear)")
    day = _date(until, "--until")
    if day <= dt.date.today():
        fail(f"--until {day} is not in the future: a snooze restarts on a later date")
    service.snooze(opp, by=None, reason=reason or "", until=day)
    console.print(f"{opp.public_id} ({opp.name}) snoozed until {day}: {reason}")


def figures(
    team: str | None = typer.Option(None, "--team", help="Only this team."),
    rep: str | None = typer.Option(None, "--rep", help="Only this rep (username)."),
    months: int = typer.Option(
        3, "--months", min=1, max=36, help="Months back, this one included."
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Last day counted (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Write the figures as JSON to stdout."),
) -> None:
    """Advancing figures per rep, team and month: calls, advance/continuation/asked rates,
    customer commitments kept vs missed, median days between advances, stalled value."""
    day = _date(as_of, "--as-of")
    bootstrap.django()
    from aba.sales.services.figures import advancing_figures

    report = advancing_figures(team=team, rep=rep, months=months, as_of=day)
    if as_json:
        _dump(report.to_json())
        return
    table = Table(title=f"Advancing figures, {months} month(s) to {day}")
    for column in ("level", "name", "month"):
        table.add_column(column)
    for column in (
        "calls",
        "advance",
        "continuation",
        "asked",
        "kept",
        "missed",
        "median days",
        "stalled value",
    ):
        table.add_column(column, justify="right")
    for f in report.rows:
        med = f.median_days_between_advances
        table.add_row(
            f.level,
            f.name,
            f.month.strftime("%Y-%m"),
            str(f.calls),
            _pct(f.advance_rate),
            _pct(f.continuation_rate),
            _pct(f.asked_rate),
            str(f.kept),
            str(f.missed),
            "-" if med is None else f"{med:g}",
            _money(f.stalled_value),
            style="bold" if f.level == "team" else None,
        )
    console.print(table)


def thresholds(
    team: str | None = typer.Option(None, "--team", help="Learn for this team only."),
    chart: Path = typer.Option(
        Path("aba-thresholds.svg"), "--chart", help="Where to write the win-rate chart (SVG)."
    ),
    no_chart: bool = typer.Option(False, "--no-chart", help="Do not write the chart."),
    apply: bool = typer.Option(False, "--apply", help="Write learned thresholds to the stages."),
    as_json: bool = typer.Option(False, "--json", help="Write the proposals as JSON to stdout."),
) -> None:
    """Learn from won and lost deals, per stage, how many days without an advance halve the win
    rate; propose (and with --apply set) each stage's stall threshold."""
    bootstrap.django()
    from aba.sales.services.thresholds import apply_thresholds, learn_thresholds, write_chart

    if not no_chart and chart.suffix.lower() != ".svg":
        fail(f"--chart {chart}: the chart is SVG, name the file *.svg")
    results = learn_thresholds(team=team)
    if not results:
        fail(f"no stages for team {team!r}" if team else "no teams with stages yet")
    changed = apply_thresholds(results) if apply else 0
    if not no_chart:
        write_chart(results, chart)
    if as_json:
        _dump({"stages": [r.to_json() for r in results], "applied": changed})
        return
    table = Table(title="Stall thresholds learned from won and lost deals")
    for column in ("team", "stage"):
        table.add_column(column)
    for column in ("deals", "win rate", "now", "proposed"):
        table.add_column(column, justify="right")
    table.add_column("confidence")
    table.add_column("evidence")
    for r in results:
        p = r.proposal
        table.add_row(
            r.team,
            r.stage,
            str(p.n),
            _pct(p.baseline),
            str(r.current_days),
            str(p.threshold_days),
            p.confidence,
            p.note,
        )
    console.print(table)
    if not no_chart:
        console.print(f"chart written to {chart}")
    if apply:
        console.print(f"{changed} stage threshold(s) updated")
