"""`aba coach OPPORTUNITY`: the next advance, how to ask, value to bring, plan and mutual plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import typer
from rich.panel import Panel
from rich.table import Table

from aba.cli import bootstrap
from aba.cli.console import console, fail


def coach(
    opportunity: str = typer.Argument(
        ..., help="The opportunity's id: its CRM (external) id, else aba's own id."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Coach as of this date (YYYY-MM-DD); default today."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of panels."),
) -> None:
    """Coach one opportunity: next advance, words to ask for it, value to bring, plans."""
    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        fail(f"--as-of {as_of!r} is not a date: use YYYY-MM-DD")
    bootstrap.django()
    from aba.coaching.services import coaching_json
    from aba.sales.models import Opportunity

    opp = Opportunity.objects.filter(external_id=opportunity).first()
    if opp is None and opportunity.isdigit():
        opp = Opportunity.objects.filter(pk=int(opportunity), external_id__isnull=True).first()
        opp = opp or Opportunity.objects.filter(pk=int(opportunity)).first()
    if opp is None:
        fail(f"no opportunity with id {opportunity!r}: use its CRM id or aba's id (aba export)")
    data = coaching_json(opp, day)
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _print(data)


def _print(d: dict[str, Any]) -> None:
    adv = d["next_advance"]
    head = f"[bold]{d['opportunity']}[/] · {d['account']} · stage {d['stage']} · as of {d['as_of']}"
    if d["status"] != "open":
        head += f" · [yellow]{d['status']}[/]"
    reasons = ", ".join(d["reasons"]) or "none"
    console.print(head)
    console.print(f"Stall reasons: {reasons}", highlight=False)
    why = "".join(f"\n[dim]- {w}[/]" for w in adv["why"])
    console.print(Panel(
        f"[bold]Best:[/] {adv['best']}\n[bold]Minimum:[/] {adv['minimum']}\n"
        f"[bold]Propose:[/] {adv['target']}{why}",
        title="Next advance", title_align="left",
    ))  # fmt: skip
    asks = "\n\n".join(
        f"[bold]{a['when']}[/]\n" + "\n".join(f"• “{p}”" for p in a["phrasings"]) for a in d["asks"]
    )
    console.print(Panel(asks, title="How to ask", title_align="left"), highlight=False)
    if d["value_ideas"]:
        ideas = "\n".join(f"[cyan]{v['kind']:>9}[/]  {v['idea']}" for v in d["value_ideas"])
        console.print(Panel(ideas, title="Earn the right: value to bring", title_align="left"))
    plan = d["plan"]
    lines = (
        [f"[bold]Planned:[/] {plan['best']} / minimum {plan['minimum']}"]
        if plan
        else ["[dim]No plan recorded for the next call.[/]"]
    )
    for c in d["plan_checks"]:
        lines.append(f"{c['date']}  {c['result']:<16} {c['planned_best']}  [dim]{c['note']}[/]")
    console.print(Panel("\n".join(lines), title="Call plan", title_align="left"))
    table = Table("#", "step", "owner", "who", "date", "status", title="Mutual action plan")
    for s in d["mutual_plan"]:
        table.add_row(str(s["position"] + 1), s["title"], s["owner"], s["who"], s["due"] or "-",
                      s["status"])  # fmt: skip
    console.print(table)
