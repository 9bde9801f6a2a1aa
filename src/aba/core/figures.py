"""Pure helpers for the advancing figures: months, rates and medians on plain data."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def last_months(as_of: dt.date, count: int) -> list[dt.date]:
    """The first days of the `count` months ending with `as_of`'s month, oldest first."""
    return [add_months(as_of, -i) for i in range(count - 1, -1, -1)]


def month_end(first: dt.date, as_of: dt.date) -> dt.date:
    """The month's last day, or `as_of` for the month still running."""
    return min(add_months(first, 1) - dt.timedelta(days=1), as_of)


def rate(part: int, whole: int) -> float | None:
    """part/whole, None when there is nothing to divide (not 0: no calls is not a 0% rate)."""
    return part / whole if whole else None


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None
