"""Parse CSV cell values strictly; every failure says what was expected."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from aba.sales.services.imports.problems import Problem

TRUE = {"true", "yes", "y", "1", "t"}
FALSE = {"false", "no", "n", "0", "f", ""}


class BadValue(ValueError):
    """A cell that cannot be parsed; the message says what was expected."""


def parse_date(value: str) -> dt.date:
    """An ISO date; a datetime is accepted and cut to its date."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise BadValue("not an ISO date, expected YYYY-MM-DD") from None


def parse_datetime(value: str) -> dt.datetime:
    """An ISO date or datetime; naive values are taken as UTC."""
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise BadValue("not an ISO date or datetime, expected YYYY-MM-DD[THH:MM]") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise BadValue("expected true or false")


def parse_amount(value: str) -> Decimal:
    text = value.strip().replace(",", "")
    if not text:
        return Decimal(0)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise BadValue("not a number") from None
    if not amount.is_finite() or abs(amount) >= Decimal("1e12"):
        raise BadValue("not a finite amount below 10^12")
    return amount.quantize(Decimal("0.01"))


def read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and (line number, row) pairs of a UTF-8 CSV file (a BOM is fine).

    Raises ImportFailed-ready problems as BadFile when the file cannot be read as text.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadFile(
            Problem(path.name, None, None, None, f"not UTF-8 text ({exc.reason})")
        ) from None
    except OSError as exc:
        raise BadFile(
            Problem(str(path), None, None, None, f"cannot read file ({exc.strerror})")
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise BadFile(
            Problem(path.name, 1, None, None, "the file is empty: expected a header")
        ) from None
    except csv.Error as exc:
        raise BadFile(Problem(path.name, 1, None, None, f"not valid CSV ({exc})")) from None

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for values in reader:
                if not any(v.strip() for v in values):
                    continue
                line = reader.line_num
                if len(values) > len(header):
                    raise BadFile(
                        Problem(
                            path.name,
                            line,
                            None,
                            None,
                            f"{len(values)} values but the header has {len(header)} columns",
                        )
                    )
                yield (
                    line,
                    dict(zip(header, values + [""] * (len(header) - len(values)), strict=True)),
                )
        except csv.Error as exc:
            raise BadFile(
                Problem(path.name, reader.line_num, None, None, f"not valid CSV ({exc})")
            ) from None

    return header, rows()


class BadFile(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))
