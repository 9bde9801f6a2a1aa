"""Evidence-based stall thresholds: learn, per team and stage, from the team's won and lost deals
how long a deal may go without an advance, chart it, and optionally apply it to the stages.

A deal counts in the stage it was decided in (aba keeps no stage history). Its sample is the days
from its last advance or order strictly before the decision date (or from its creation) to the
decision; the order that closes a won deal on the decision day is not counted as that advance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import OuterRef, Subquery

from aba.core.svg_chart import win_rate_chart
from aba.core.thresholds import Proposal, Sample, learn_threshold
from aba.core.vocabulary import OpportunityStatus, Outcome
from aba.sales.models import Call, Opportunity, Stage
from aba.sales.queries.review import as_date


@dataclass(frozen=True, slots=True)
class StageThreshold:
    stage_id: int
    team: str
    stage: str
    current_days: int  # the threshold in force now (stage's own or the team's default)
    default_days: int  # the team's default, the fallback when nothing is learned
    proposal: Proposal

    def to_json(self) -> dict[str, object]:
        p = self.proposal
        return {
            "team": self.team,
            "stage": self.stage,
            "current_days": self.current_days,
            "proposed_days": p.threshold_days,
            "learned": p.learned,
            "confidence": p.confidence,
            "samples": p.n,
            "wins": p.wins,
            "baseline_win_rate": p.baseline,
            "deals_beyond": p.tail_n,
            "win_rate_beyond": p.tail_rate,
            "note": p.note,
        }


def threshold_samples(*, team: str | None = None) -> dict[int, list[Sample]]:
    """Per stage id, one sample per closed deal with a decision date, in one query."""
    advances = Call.objects.filter(
        opportunity=OuterRef("pk"),
        outcome__in=[Outcome.ADVANCE, Outcome.ORDER],
        when__lt=OuterRef("closed"),  # a date compared with a timestamp: midnight of that day
    ).order_by("-when")
    qs = Opportunity.objects.filter(
        status__in=[OpportunityStatus.WON, OpportunityStatus.LOST], closed__isnull=False
    )
    if team is not None:
        qs = qs.filter(stage__team__name=team)
    rows = qs.annotate(last_advance=Subquery(advances.values("when")[:1])).values_list(
        "stage_id", "status", "created", "closed", "last_advance"
    )
    out: dict[int, list[Sample]] = {}
    for stage_id, status, created, closed, last_advance in rows:
        since = as_date(last_advance) or created
        days = max(0, (closed - since).days)
        out.setdefault(stage_id, []).append(Sample(days, status == OpportunityStatus.WON))
    return out


def learn_thresholds(*, team: str | None = None, **options: int) -> list[StageThreshold]:
    """A proposal for every stage of the team (or of every team), in roadmap order."""
    samples = threshold_samples(team=team)
    stages = Stage.objects.select_related("team").order_by("team__name", "position")
    if team is not None:
        stages = stages.filter(team__name=team)
    return [
        StageThreshold(
            stage_id=s.pk,
            team=s.team.name,
            stage=s.name,
            current_days=s.effective_threshold(),
            default_days=s.team.no_advance_days,
            proposal=learn_threshold(
                samples.get(s.pk, []), default_days=s.team.no_advance_days, **options
            ),
        )
        for s in stages
    ]


@transaction.atomic
def apply_thresholds(results: list[StageThreshold]) -> int:
    """Write learned thresholds to their stages (marked learned); stages where nothing was
    learned go back to the team's default only if their threshold had been learned before."""
    changed = 0
    for r in results:
        stage = Stage.objects.select_for_update().get(pk=r.stage_id)
        if r.proposal.learned:
            stage.threshold_days, stage.threshold_learned = r.proposal.threshold_days, True
        elif stage.threshold_learned:
            stage.threshold_days, stage.threshold_learned = None, False
        else:
            continue
        stage.save(update_fields=["threshold_days", "threshold_learned"])
        changed += 1
    return changed


def write_chart(results: list[StageThreshold], path: Path, *, today: dt.date | None = None) -> Path:
    """Write the win-rate chart (SVG) for these stages; returns the path written."""
    today = today or dt.date.today()
    teams = sorted({r.team for r in results})
    label_team = len(teams) > 1
    panels = [(f"{r.team}: {r.stage}" if label_team else r.stage, r.proposal) for r in results]
    title = f"Win rate by days since the last advance: {', '.join(teams)} (as of {today})"
    path.write_text(win_rate_chart(panels, title), encoding="utf-8")
    return path
