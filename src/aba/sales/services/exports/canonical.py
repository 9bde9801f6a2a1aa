"""Write aba's own CSV files (opportunities, calls, commitments) that `aba import` reads back."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db.models import QuerySet

from aba.sales.models import Call, Commitment, Opportunity
from aba.sales.services.imports.canonical import (
    CALL_COLUMNS,
    CALL_EXTRA_COLUMNS,
    COMMITMENT_COLUMNS,
    OPPORTUNITY_COLUMNS,
)

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class ExportSummary:
    opportunities: int
    calls: int
    commitments: int
    files: tuple[Path, ...]


def _public(external_id: str | None, pk: int) -> str:
    return external_id or str(pk)


def export_canonical(
    directory: Path,
    *,
    opportunities: QuerySet[Opportunity] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportSummary:
    """Write the three files into `directory` (created when missing); streams, so any size fits."""
    directory.mkdir(parents=True, exist_ok=True)
    opps = (opportunities if opportunities is not None else Opportunity.objects.all()).order_by(
        "pk"
    )
    calls = Call.objects.filter(opportunity__in=opps.values("pk")).order_by("pk")
    commitments = Commitment.objects.filter(call__in=calls.values("pk")).order_by("call_id", "pk")
    total = opps.count() + calls.count()
    done = 0
    tick = progress or (lambda d, t: None)
    paths = (
        directory / "opportunities.csv",
        directory / "calls.csv",
        directory / "commitments.csv",
    )

    with paths[0].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(OPPORTUNITY_COLUMNS)
        n_opps = 0
        for o in opps.select_related("account", "owner", "stage").iterator(chunk_size=CHUNK):
            writer.writerow(
                [
                    _public(o.external_id, o.pk),
                    o.account.name,
                    o.name,
                    o.owner.username,
                    o.stage.name,
                    f"{o.amount:.2f}",
                    o.status,
                    o.created.isoformat(),
                    o.closed.isoformat() if o.closed else "",
                    "true" if o.account.reorders else "false",
                ]
            )
            n_opps += 1
            done += 1
            if done % CHUNK == 0:
                tick(done, total)

    with paths[1].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CALL_COLUMNS + CALL_EXTRA_COLUMNS)
        n_calls = 0
        rows = calls.values_list(
            "pk",
            "external_id",
            "opportunity__pk",
            "opportunity__external_id",
            "when",
            "rep__username",
            "notes",
            "outcome",
            "outcome_source",
            "stall",
            "asked",
            "value_given",
            "value_kinds",
            "learned",
            "planned_best",
            "planned_minimum",
        )
        for (
            pk,
            ext,
            opp_pk,
            opp_ext,
            when,
            rep,
            notes,
            outcome,
            source,
            stall,
            asked,
            value,
            kinds,
            learned,
            best,
            minimum,
        ) in rows.iterator(chunk_size=CHUNK):
            writer.writerow(
                [
                    _public(ext, pk),
                    _public(opp_ext, opp_pk),
                    when.isoformat(),
                    rep,
                    notes,
                    outcome or "",
                    source,
                    stall or "",
                    str(asked).lower(),
                    str(value).lower(),
                    json.dumps(kinds or []),
                    learned,
                    best,
                    minimum,
                ]
            )
            n_calls += 1
            done += 1
            if done % CHUNK == 0:
                tick(done, total)

    with paths[2].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COMMITMENT_COLUMNS)
        n_commitments = 0
        rows = commitments.values_list(
            "pk",
            "call__pk",
            "call__external_id",
            "party",
            "who",
            "action",
            "due",
            "due_text",
            "vague",
            "status",
        )
        for (
            pk,
            call_pk,
            call_ext,
            party,
            who,
            action,
            due,
            due_text,
            vague,
            status,
        ) in rows.iterator(chunk_size=CHUNK):
            writer.writerow(
                [
                    pk,
                    _public(call_ext, call_pk),
                    party,
                    who,
                    action,
                    due.isoformat() if due else "",
                    due_text,
                    str(vague).lower(),
                    status,
                ]
            )
            n_commitments += 1
    tick(total, total)
    return ExportSummary(n_opps, n_calls, n_commitments, paths)
