"""What the CRM exports share: one set-based pass over the pipeline (the review gives status,
reasons and open customer commitments) and a CSV writer.

Each CRM module lays these facts out in the files and columns that CRM's importer reads.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from aba.sales.models import Call, Opportunity
from aba.sales.services.review import review_pipeline


@dataclass(frozen=True, slots=True)
class DealFacts:
    id: str
    name: str
    account: str
    owner: str
    stage: str
    amount: Decimal
    status: str
    created: dt.date
    closed: dt.date | None
    review_status: str
    reasons: tuple[str, ...]
    next_step: str  # the first open customer commitment, as "who: action"
    next_step_date: dt.date | None


@dataclass(frozen=True, slots=True)
class CallFacts:
    id: str | None  # None: logged in aba, unknown to the CRM
    deal_id: str
    when: dt.datetime
    rep: str
    notes: str
    outcome: str


@dataclass(frozen=True, slots=True)
class CommitmentFacts:
    deal_id: str
    owner: str
    who: str
    action: str
    due: dt.date | None


@dataclass(frozen=True, slots=True)
class Pipeline:
    deals: list[DealFacts]
    calls: list[CallFacts]
    commitments: list[CommitmentFacts]


def gather(as_of: dt.date, opportunities: QuerySet[Opportunity] | None = None) -> Pipeline:
    """The export's facts in three queries: opportunities, the review, calls."""
    opps = opportunities if opportunities is not None else Opportunity.objects.all()
    rows = opps.select_related("account", "owner", "stage").order_by("pk")
    review = {r.id: r for r in review_pipeline(as_of=as_of).rows}
    deals: list[DealFacts] = []
    commitments: list[CommitmentFacts] = []
    for o in rows.iterator(chunk_size=2000):
        verdict = review.get(o.pk)
        customer = sorted(
            (c for c in (verdict.open_commitments if verdict else []) if c["party"] == "customer"),
            key=lambda c: (c["due"] is None, c["due"] or dt.date.min),
        )
        first = customer[0] if customer else None
        deals.append(
            DealFacts(
                id=o.public_id,
                name=o.name,
                account=o.account.name,
                owner=o.owner.username,
                stage=o.stage.name,
                amount=o.amount,
                status=o.status,
                created=o.created,
                closed=o.closed,
                review_status=verdict.status.value if verdict else "",
                reasons=tuple(r.value for r in verdict.reasons) if verdict else (),
                next_step=_step(first) if first else "",
                next_step_date=first["due"] if first else None,
            )
        )
        commitments.extend(
            CommitmentFacts(o.public_id, o.owner.username, c["who"] or "", c["action"], c["due"])
            for c in customer
        )
    calls = [
        CallFacts(ext, opp_ext or str(opp_pk), when, rep, notes, outcome or "")
        for ext, opp_ext, opp_pk, when, rep, notes, outcome in Call.objects.filter(
            opportunity__in=opps.values("pk")
        )
        .order_by("when", "pk")
        .values_list(
            "external_id",
            "opportunity__external_id",
            "opportunity_id",
            "when",
            "rep__username",
            "notes",
            "outcome",
        )
        .iterator(chunk_size=2000)
    ]
    return Pipeline(deals, calls, commitments)


def _step(commitment: dict[str, Any]) -> str:
    who = commitment["who"] or "customer"
    return f"{who}: {commitment['action']}"[:255]


def iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """Write one UTF-8 CSV file (a BOM-less file every CRM importer accepts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
