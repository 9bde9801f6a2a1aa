"""aba's own CSV format: opportunities, calls and commitments files, recognised by their header.

opportunities: id,account,name,owner,stage,amount,status,created,closed,reorder
calls:         id,opportunity_id,date,rep,notes,outcome  (+ optional columns that `aba export`
               writes so that a re-import is lossless)
commitments:   id,call_id,party,who,action,due,due_text,vague,status
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from aba.core.vocabulary import CommitmentStatus, OpportunityStatus, Outcome, Party, Stall
from aba.sales.services.imports.fields import (
    BadFile,
    BadValue,
    parse_amount,
    parse_bool,
    parse_date,
    parse_datetime,
    read_csv,
)
from aba.sales.services.imports.problems import ImportFailed, Problem
from aba.sales.services.imports.records import (
    CallRecord,
    CommitmentRecord,
    ImportBatch,
    OpportunityRecord,
    Where,
)

OPPORTUNITY_COLUMNS = (
    "id",
    "account",
    "name",
    "owner",
    "stage",
    "amount",
    "status",
    "created",
    "closed",
    "reorder",
)
CALL_COLUMNS = ("id", "opportunity_id", "date", "rep", "notes", "outcome")
CALL_EXTRA_COLUMNS = (
    "outcome_source",
    "stall",
    "asked",
    "value_given",
    "value_kinds",
    "learned",
    "planned_best",
    "planned_minimum",
)
COMMITMENT_COLUMNS = (
    "id",
    "call_id",
    "party",
    "who",
    "action",
    "due",
    "due_text",
    "vague",
    "status",
)
OUTCOME_SOURCES = ("stated", "read", "unknown")

T = TypeVar("T")


class _Rows:
    """Collects problems while parsing the cells of one file."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def cell(
        self,
        line: int,
        row: dict[str, str],
        column: str,
        parse: Callable[[str], T],
        *,
        required: bool = True,
    ) -> T | None:
        raw = row.get(column, "")
        if not raw.strip():
            if required:
                self.problems.append(Problem(self.file, line, column, raw, "is required"))
            return None
        try:
            return parse(raw)
        except BadValue as exc:
            self.problems.append(Problem(self.file, line, column, raw, str(exc)))
            return None


def _choice(options: Iterable[str]) -> Callable[[str], str]:
    allowed = tuple(options)

    def parse(value: str) -> str:
        lowered = value.strip().lower().replace(" ", "_").replace("-", "_")
        if lowered not in allowed:
            raise BadValue(f"expected one of {', '.join(allowed)}")
        return lowered

    return parse


def _text(value: str) -> str:
    return value.strip()


def _kinds(value: str) -> list[str]:
    try:
        kinds = json.loads(value)
    except ValueError:
        kinds = [k.strip() for k in value.split(";")]
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise BadValue("expected a list of value kinds")
    return [k for k in kinds if k]


def kind_of(header: list[str]) -> str | None:
    """Which canonical file a header belongs to (extra columns are allowed)."""
    columns = set(header)
    for kind, required in (
        ("opportunities", OPPORTUNITY_COLUMNS),
        ("calls", CALL_COLUMNS),
        ("commitments", COMMITMENT_COLUMNS),
    ):
        if set(required) <= columns:
            return kind
    return None


def parse_files(paths: list[Path]) -> ImportBatch:
    """Parse canonical files into records, or raise ImportFailed naming every bad cell."""
    problems: list[Problem] = []
    batch = ImportBatch()
    commitments: dict[str, list[CommitmentRecord]] = {}
    commitment_files: list[str] = []
    seen: dict[str, set[str]] = {"opportunities": set(), "calls": set(), "commitments": set()}
    for path in paths:
        try:
            header, rows = read_csv(path)
            kind = kind_of(header)
            if kind is None:
                problems.append(
                    Problem(
                        path.name,
                        1,
                        None,
                        None,
                        "header matches no aba file: expected the columns "
                        f"{','.join(OPPORTUNITY_COLUMNS)} or {','.join(CALL_COLUMNS)} or "
                        f"{','.join(COMMITMENT_COLUMNS)}",
                    )
                )
                continue
            parser = _Rows(path.name, problems)
            for line, row in rows:
                record_id = row.get("id", "").strip()
                if record_id and record_id in seen[kind]:
                    problems.append(
                        Problem(
                            path.name,
                            line,
                            "id",
                            record_id,
                            f"duplicate id: this {kind[:-1]} appears twice",
                        )
                    )
                    continue
                seen[kind].add(record_id)
                if kind == "opportunities":
                    _opportunity(parser, line, row, batch)
                elif kind == "calls":
                    _call(parser, line, row, batch)
                else:
                    commitment_files.append(path.name)
                    _commitment(parser, line, row, commitments)
        except BadFile as exc:
            problems.append(exc.problem)
    if commitment_files:
        # A commitments file states exactly which commitments each listed call holds.
        for call in batch.calls:
            call.commitments = commitments.pop(call.id, [])
        for call_id in commitments:
            problems.append(
                Problem(
                    commitment_files[0],
                    None,
                    "call_id",
                    call_id,
                    "no call with this id in the calls file",
                )
            )
    if problems:
        raise ImportFailed(problems)
    return batch


def _opportunity(p: _Rows, line: int, row: dict[str, str], batch: ImportBatch) -> None:
    before = len(p.problems)
    values = {
        "id": p.cell(line, row, "id", _text),
        "account": p.cell(line, row, "account", _text),
        "name": p.cell(line, row, "name", _text),
        "owner": p.cell(line, row, "owner", _text),
        "stage": p.cell(line, row, "stage", _text),
        "amount": p.cell(line, row, "amount", parse_amount, required=False),
        "status": p.cell(line, row, "status", _choice(s.value for s in OpportunityStatus)),
        "created": p.cell(line, row, "created", parse_date),
        "closed": p.cell(line, row, "closed", parse_date, required=False),
        "reorder": p.cell(line, row, "reorder", parse_bool, required=False),
    }
    if len(p.problems) > before:
        return
    batch.opportunities.append(
        OpportunityRecord(
            id=values["id"],
            account=values["account"],
            name=values["name"],
            owner=values["owner"],
            stage=values["stage"],
            amount=values["amount"] or parse_amount("0"),
            status=values["status"],
            created=values["created"],
            closed=values["closed"],
            reorder=values["reorder"],
            where=Where(p.file, line),
        )
    )


def _call(p: _Rows, line: int, row: dict[str, str], batch: ImportBatch) -> None:
    before = len(p.problems)
    v = {
        "id": p.cell(line, row, "id", _text),
        "opportunity_id": p.cell(line, row, "opportunity_id", _text),
        "date": p.cell(line, row, "date", parse_datetime),
        "rep": p.cell(line, row, "rep", _text),
        "outcome": p.cell(line, row, "outcome", _choice(o.value for o in Outcome), required=False),
        "outcome_source": p.cell(
            line, row, "outcome_source", _choice(OUTCOME_SOURCES), required=False
        ),
        "stall": p.cell(line, row, "stall", _choice(s.value for s in Stall), required=False),
        "asked": p.cell(line, row, "asked", parse_bool, required=False),
        "value_given": p.cell(line, row, "value_given", parse_bool, required=False),
        "value_kinds": p.cell(line, row, "value_kinds", _kinds, required=False),
    }
    if len(p.problems) > before:
        return
    batch.calls.append(
        CallRecord(
            id=v["id"],
            opportunity_id=v["opportunity_id"],
            when=v["date"],
            rep=v["rep"],
            notes=row.get("notes", ""),
            outcome=v["outcome"],
            where=Where(p.file, line),
            outcome_source=v["outcome_source"],
            stall=v["stall"],
            asked=v["asked"],
            value_given=v["value_given"],
            value_kinds=v["value_kinds"],
            learned=row.get("learned"),
            planned_best=row.get("planned_best", "").strip(),
            planned_minimum=row.get("planned_minimum", "").strip(),
        )
    )


def _commitment(
    p: _Rows, line: int, row: dict[str, str], into: dict[str, list[CommitmentRecord]]
) -> None:
    before = len(p.problems)
    call_id = p.cell(line, row, "call_id", _text)
    party = p.cell(line, row, "party", _choice(x.value for x in Party))
    action = p.cell(line, row, "action", _text)
    due = p.cell(line, row, "due", parse_date, required=False)
    vague = p.cell(line, row, "vague", parse_bool, required=False)
    status = p.cell(line, row, "status", _choice(s.value for s in CommitmentStatus), required=False)
    if len(p.problems) > before or call_id is None:
        return
    into.setdefault(call_id, []).append(
        CommitmentRecord(
            id=row.get("id", "").strip() or None,
            party=party or "",
            action=action or "",
            who=row.get("who", "").strip(),
            due=due,
            due_text=row.get("due_text", "").strip(),
            vague=bool(vague),
            status=status or CommitmentStatus.OPEN,
        )
    )
