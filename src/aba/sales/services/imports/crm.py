"""What the CRM importers share: finding columns by label, parsing CRM cell formats, and turning
rows into aba's records with every problem named by file, line, column and value.

Each CRM module (salesforce, hubspot, pipedrive) describes its exports as `FileSpec`s; this
module reads the files, recognises each by its header and produces one ImportBatch that the
canonical writer applies atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from aba.sales.services.imports.fields import BadFile, BadValue, read_csv
from aba.sales.services.imports.mapping import Mapping
from aba.sales.services.imports.problems import ImportFailed, Problem
from aba.sales.services.imports.records import CallRecord, ImportBatch, OpportunityRecord, Where

Labels = dict[str, tuple[str, ...]]  # aba field -> the CRM's column labels, in preference order


def normal(label: str) -> str:
    return " ".join(label.lower().split())


@dataclass(slots=True)
class Row:
    """One CSV row seen through a column map; collects problems instead of raising."""

    file: str
    line: int
    values: dict[str, str]
    columns: dict[str, str]  # aba field -> actual header
    problems: list[Problem]

    def raw(self, name: str) -> str:
        column = self.columns.get(name)
        return self.values.get(column, "").strip() if column else ""

    def get(self, name: str, parse: Callable[[str], Any] = str, *, required: bool = False) -> Any:
        raw = self.raw(name)
        if not raw:
            if required:
                self.problems.append(
                    Problem(self.file, self.line, self.columns.get(name, name), raw, "is required")
                )
            return None
        try:
            return parse(raw)
        except BadValue as exc:
            self.problems.append(Problem(self.file, self.line, self.columns[name], raw, str(exc)))
            return None


@dataclass(frozen=True, slots=True)
class FileSpec:
    """One kind of export file: its field labels, which fields prove the kind, how rows map."""

    kind: str
    labels: Labels
    signature: tuple[str, ...]  # fields whose columns must all be present to recognise the file
    required: tuple[str, ...]  # fields the rows cannot do without
    to_records: Callable[[Row, Context], None]


@dataclass(slots=True)
class Context:
    """What rows add to while a file set is parsed."""

    mapping: Mapping
    batch: ImportBatch = field(default_factory=ImportBatch)
    accounts: dict[str, str] = field(default_factory=dict)  # CRM account id -> name
    skipped: int = 0


def resolve(header: list[str], labels: Labels, kind: str, mapping: Mapping) -> dict[str, str]:
    """aba field -> actual header, matching labels case- and space-insensitively."""
    by_normal = {normal(h): h for h in header}
    found: dict[str, str] = {}
    for name, defaults in labels.items():
        for label in mapping.labels(kind, name, defaults):
            if normal(label) in by_normal:
                found[name] = by_normal[normal(label)]
                break
    return found


def parse_files(
    paths: list[Path],
    specs: tuple[FileSpec, ...],
    mapping: Mapping,
    crm: str,
    finish: Callable[[Context], None] | None = None,
) -> tuple[ImportBatch, int]:
    """Parse a CRM's export files into one batch (and the count of rows skipped as not calls),
    or raise ImportFailed naming every problem."""
    problems: list[Problem] = []
    ctx = Context(mapping=mapping)
    seen: dict[str, set[str]] = {}
    parsed: list[tuple[FileSpec, Path, dict[str, str], Any]] = []
    for path in paths:
        try:
            header, rows = read_csv(path)
        except BadFile as exc:
            problems.append(exc.problem)
            continue
        spec, columns = _recognise(header, specs, mapping)
        if spec is None:
            problems.append(
                Problem(
                    path.name,
                    1,
                    None,
                    None,
                    f"header matches no {crm} export "
                    f"aba reads ({', '.join(s.kind for s in specs)}); map your column labels "
                    "with --mapping",
                )
            )
            continue
        missing = [f for f in spec.required if f not in columns]
        for name in missing:
            options = ", ".join(repr(x) for x in mapping.labels(spec.kind, name, spec.labels[name]))
            problems.append(
                Problem(
                    path.name, 1, None, None, f"no column for {name}: expected one of {options}"
                )
            )
        if not missing:
            parsed.append((spec, path, columns, rows))
    # Accounts first, so opportunities can name their account whatever the file order.
    parsed.sort(key=lambda item: item[0].kind != "accounts")
    for spec, path, columns, rows in parsed:
        try:
            for line, values in rows:
                row = Row(path.name, line, values, columns, problems)
                record_id = row.raw("id")
                ids = seen.setdefault(spec.kind, set())
                if record_id and record_id in ids:
                    problems.append(
                        Problem(
                            path.name,
                            line,
                            columns["id"],
                            record_id,
                            "duplicate id: this record appears twice",
                        )
                    )
                    continue
                ids.add(record_id)
                spec.to_records(row, ctx)
        except BadFile as exc:
            problems.append(exc.problem)
    if finish is not None:
        finish(ctx)
    if problems:
        raise ImportFailed(problems)
    return ctx.batch, ctx.skipped


def _recognise(
    header: list[str], specs: tuple[FileSpec, ...], mapping: Mapping
) -> tuple[FileSpec | None, dict[str, str]]:
    for spec in specs:
        columns = resolve(header, spec.labels, spec.kind, mapping)
        if all(f in columns for f in spec.signature):
            return spec, columns
    return None, {}


# -- cell formats seen in CRM exports ---------------------------------------------------------

US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*"
    r"([AaPp][Mm])?)?$"
)


def crm_datetime(value: str) -> dt.datetime:
    """ISO dates and datetimes (Salesforce's `+0000` too) or US report dates (MM/DD/YYYY);
    naive values are taken as UTC."""
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        match = US_DATE.match(text)
        if not match:
            raise BadValue("not a date: expected YYYY-MM-DD[ HH:MM] or MM/DD/YYYY") from None
        month, day, year, hour, minute, second, ampm = match.groups()
        h = (
            int(hour or 0) % 12 + (12 if ampm and ampm.lower() == "pm" else 0)
            if ampm
            else int(hour or 0)
        )
        try:
            parsed = dt.datetime(
                int(year), int(month), int(day), h, int(minute or 0), int(second or 0)
            )
        except ValueError as exc:
            raise BadValue(f"not a date ({exc})") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def crm_date(value: str) -> dt.date:
    return crm_datetime(value).date()


def crm_amount(value: str) -> Decimal:
    """An amount with optional currency sign, code or thousands separators ("$1,200.50")."""
    text = re.sub(r"[^\d.\-]", "", value.replace(",", ""))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise BadValue("not an amount") from None
    if not amount.is_finite() or abs(amount) >= Decimal("1e12"):
        raise BadValue("not a finite amount below 10^12")
    return amount.quantize(Decimal("0.01"))


def crm_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "y", "t", "done"}:
        return True
    if lowered in {"0", "false", "no", "n", "f", "", "to do", "not done"}:
        return False
    raise BadValue("expected true or false")


TAG = re.compile(r"<[^>]+>")
BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.IGNORECASE)


def plain_text(value: str) -> str:
    """Notes as text: HubSpot and Pipedrive export note bodies as HTML."""
    if "<" not in value:
        return value.strip()
    import html

    text = TAG.sub("", BREAK.sub("\n", value))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines() if line.strip())


def opportunity_status(stage: str, *, won: bool | None = None, lost: bool | None = None) -> str:
    """open, won or lost from explicit flags, else from a stage named like "Closed Won"."""
    key = normal(stage).replace(" ", "").replace("-", "").replace("_", "")
    if won or key in {"closedwon", "won"}:
        return "won"
    if lost or key in {"closedlost", "lost"}:
        return "lost"
    return "open"


def add_call(
    row: Row, ctx: Context, *, call_id: str, opportunity_id: str, when: dt.datetime, owner: str
) -> None:
    """A call from a CRM activity or note; its outcome is left for aba to read from the notes."""
    ctx.batch.calls.append(
        CallRecord(
            id=call_id,
            opportunity_id=opportunity_id,
            when=when,
            rep=ctx.mapping.username(owner),
            notes=plain_text(row.raw("notes")),
            outcome=None,
            where=Where(row.file, row.line),
        )
    )


def add_opportunity(
    row: Row,
    ctx: Context,
    values: dict[str, Any],
    *,
    account: str,
    amount: Decimal | None,
    status: str,
    created: dt.date,
    closed: dt.date | None,
) -> None:
    """A CRM deal as an opportunity; `values` holds its id, name, owner and stage."""
    ctx.batch.opportunities.append(
        OpportunityRecord(
            id=values["id"],
            account=account,
            name=values["name"],
            owner=ctx.mapping.username(values["owner"]),
            stage=values["stage"],
            amount=amount if amount is not None else Decimal(0),
            status=status,
            created=created,
            closed=closed,
            reorder=None,
            where=Where(row.file, row.line),
        )
    )
