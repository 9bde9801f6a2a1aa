"""Find due-date phrases in a call note and resolve them against the call's date.

Hand-written because general date parsers are 5-20x too slow to run over whole notes and guess
wrongly on sales shorthand ("EOW", "3/12", "the 14th"). Every pattern is a flat alternation with
bounded repetition, so scanning is linear in the note's length.

Conventions (tests/data/notes/README.md): a bare weekday is the next such day strictly after the
call; "next Tuesday" is the Tuesday of the following Monday-start week; "this Friday" and "EOW"
are the Friday of the call's week; "the 14th" and "3/12" (US month/day) are the next such date on
or after the call; "next week" is the Monday of next week, vague; "in a few weeks", "soon" and
"next quarter" have no date and are vague.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

__all__ = ["DuePhrase", "find_due_phrases", "resolve_phrase"]


@dataclass(frozen=True, slots=True)
class DuePhrase:
    """A date phrase found in a note: where it is, what it says, the date it means."""

    start: int
    end: int
    text: str
    due: dt.date | None
    vague: bool
    past: bool = False  # "last Monday": a date, but not a due date


_WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Abbreviated "sat"/"sun" are ordinary words, so only their full names count.
_WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|saturday|sunday)"
)
# "may" and "march" are also verbs: a month name only counts next to a day number.
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)"
_NUM = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?:\s(?:morning|afternoon|evening|night|am|pm|eod|cob))?"

_PATTERN = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})"
    r"|(?P<slash>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/])"
    rf"|(?P<mday>{_MON}\s?\d{{1,2}}{_ORD}?(?:,?\s\d{{4}})?)(?!\d)"
    rf"|(?P<dmon>\d{{1,2}}{_ORD}?(?:\sof)?\s{_MON}(?:,?\s\d{{4}})?)"
    rf"|(?P<wdnext>{_WD}\s(?:of\s)?next\sweek{_PART})"
    rf"|(?P<wd>(?:(?:eod|cob|end\sof\sday)\s(?:on\s)?)?(?:(?:this|next|coming|following|last|past"
    rf"|previous)\s)?{_WD}{_PART})"
    rf"|(?P<endmon>(?:the\s)?(?:end|close)\sof\s{_MON}(?!\w))"
    r"|(?P<endnext>(?:the\s)?(?:end|close)\sof\s(?:the\s)?next\s(?:week|month|quarter))"
    r"|(?P<endper>(?:the\s)?(?:end|close)\sof\s(?:the\s|this\s)?(?:week|month|quarter|q[1-4]|"
    r"year|day|business\sday)|eow|eom|eoq|eoy|eod|cob|close\sof\sbusiness)"
    r"|(?P<daft>(?:the\s)?day\safter\stomorrow)"
    r"|(?P<rel>today|tonight|tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow)"
    rf"|(?P<ordday>(?:the\s)?\d{{1,2}}{_ORD})(?!\w)"
    rf"|(?P<inn>(?:in|within)\s(?:the\s)?(?:next\s)?{_NUM}\s(?:business\s|working\s)?"
    r"(?:days?|weeks?|wks?|months?))"
    r"|(?P<fort>(?:in\s)?(?:a|one|two)\sfortnight(?:'?s)?(?:\stime)?|fortnight)"
    r"|(?P<vweeks>(?:in\s|within\s)?(?:the\s)?(?:next\s)?(?:a\sfew|few|several|a\scouple"
    r"(?:\sof)?|couple(?:\sof)?)\s(?:more\s)?(?:days?|weeks?|months?))"
    r"|(?P<nextwk>(?:early\s|later\s|sometime\s|some\stime\s)?next\sweek)"
    r"|(?P<thiswk>(?:later\s|sometime\s)?this\sweek)"
    r"|(?P<vague>(?:sometime\s|some\stime\s|early\s|later\s|late\s)?(?:next|this)\s(?:month|"
    r"quarter|year)|(?:in\s)?q[1-4]|asap|soon|shortly|down\sthe\s(?:road|line)"
    r"|after\sthe\sholidays|in\sthe\snew\syear|in\sthe\scoming\s(?:days|weeks|months)"
    rf"|(?:mid|early|late)[\s-]{_MON}|in\s{_MON})"
    r")(?![\w])",
    re.IGNORECASE,
)


def _next_weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The next given weekday strictly after `day` (1 to 7 days on)."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(day: dt.date) -> dt.date:
    return _month_end(day.year, ((day.month - 1) // 3) * 3 + 3)


def _weekday_of(word: str) -> int | None:
    return _WEEKDAYS.get(word[:3].lower())


def _month_of(word: str) -> int | None:
    return _MONTHS.get(word[:3].lower())


def _year_of(text: str, default: int) -> tuple[int, bool]:
    """The four-digit year in a phrase (and whether one was given)."""
    m = re.search(r"\d{4}", text)
    return (int(m.group()), True) if m else (default, False)


def _on_or_after(call: dt.date, month: int, day: int, year: int | None) -> dt.date | None:
    """A month/day on or after the call date (this year, else next); None if no such date."""
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    for y in (call.year, call.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d >= call:
            return d
    return None


def _nth_on_or_after(call: dt.date, day: int) -> dt.date | None:
    """The next `day`-th of a month on or after the call date."""
    if not 1 <= day <= 31:
        return None
    first = call.replace(day=1)
    for k in range(0, 13):
        month = first + relativedelta(months=k)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            d = month.replace(day=day)
            if d >= call:
                return d
    return None


def _amount(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS.get(w)


def _resolve(kind: str, text: str, call: dt.date) -> tuple[dt.date | None, bool, bool] | None:
    """(due, vague, past) for one matched phrase, or None when it is no date after all."""
    low = text.lower()
    words = re.findall(r"[a-z]+|\d+", low)
    if kind == "iso":
        y, m, d = (int(x) for x in low.split("-"))
        try:
            return dt.date(y, m, d), False, False
        except ValueError:
            return None
    if kind == "slash":
        parts = [int(x) for x in low.split("/")]
        year = None
        if len(parts) == 3:
            year = parts[2] + 2000 if parts[2] < 100 else parts[2]
        due = _on_or_after(call, parts[0], parts[1], year)
        return (due, False, False) if due else None
    if kind in ("mday", "dmon"):
        nums = [int(w) for w in words if w.isdigit() and len(w) <= 2]
        month = next((_month_of(w) for w in words if _month_of(w)), None)
        year, given = _year_of(low, call.year)
        if not nums or month is None:
            return None
        due = _on_or_after(call, month, nums[0], year if given else None)
        return (due, False, False) if due else None
    if kind == "endmon":
        month = next((_month_of(w) for w in words if w not in ("end", "close", "of", "the")), None)
        if month is None:
            return None
        year = call.year if month >= call.month else call.year + 1
        return _month_end(year, month), False, False
    if kind == "endnext":
        if "week" in words:
            return _week_start(call) + dt.timedelta(days=11), False, False
        if "month" in words:
            nxt = call + relativedelta(months=1)
            return _month_end(nxt.year, nxt.month), False, False
        return _quarter_end(call + relativedelta(months=3)), False, False
    if kind == "endper":
        if low in ("eod", "cob", "close of business") or "day" in words:
            return call, False, False
        if low == "eow" or "week" in words:
            return _week_start(call) + dt.timedelta(days=4), False, False
        if low == "eom" or "month" in words:
            return _month_end(call.year, call.month), False, False
        if low == "eoy" or "year" in words:
            return dt.date(call.year, 12, 31), False, False
        q = re.search(r"q([1-4])", low)
        if q:
            month = int(q.group(1)) * 3
            year = call.year if month >= call.month else call.year + 1
            return _month_end(year, month), False, False
        return _quarter_end(call), False, False
    if kind == "daft":
        return call + dt.timedelta(days=2), False, False
    if kind == "rel":
        return (call if low in ("today", "tonight") else call + dt.timedelta(days=1)), False, False
    if kind == "wdnext":
        wd = _weekday_of(words[0])
        if wd is None:
            return None
        return _week_start(call) + dt.timedelta(days=7 + wd), False, False
    if kind == "wd":
        while words and words[0] in ("eod", "cob", "end", "of", "day", "on"):
            words = words[1:]
        first = words[0]
        wd = _weekday_of(words[1] if first in _PREFIXES else first)
        if wd is None:
            return None
        if first in ("next", "following"):
            return _week_start(call) + dt.timedelta(days=7 + wd), False, False
        if first == "this":
            return _week_start(call) + dt.timedelta(days=wd), False, False
        if first in ("last", "past", "previous"):
            return call - dt.timedelta(days=(call.weekday() - wd - 1) % 7 + 1), False, True
        return _next_weekday_after(call, wd), False, False
    if kind == "ordday":
        due = _nth_on_or_after(call, int(re.sub(r"\D", "", low)))
        return (due, False, False) if due else None
    if kind == "inn":
        n = next((_amount(w) for w in words if _amount(w) is not None), None)
        if n is None:
            return None
        unit = words[-1]
        if unit.startswith("day"):
            if "business" in words or "working" in words:
                return _add_business_days(call, n), False, False
            return call + dt.timedelta(days=n), False, False
        if unit.startswith("w"):
            return call + dt.timedelta(weeks=n), False, False
        return call + relativedelta(months=n), False, False
    if kind == "fort":
        n = 2 if "two" in words else 1
        return call + dt.timedelta(days=14 * n), False, False
    if kind == "nextwk":
        return _week_start(call) + dt.timedelta(days=7), True, False
    if kind == "thiswk":
        return None, True, False
    return None, True, False  # vweeks, vague: no date, but the words say "later"


_PREFIXES = {"this", "next", "coming", "following", "last", "past", "previous"}


def _add_business_days(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


_KINDS = (
    "iso", "slash", "mday", "dmon", "endmon", "endnext", "endper", "daft", "rel", "wdnext",
    "wd", "ordday", "inn", "fort", "vweeks", "nextwk", "thiswk", "vague",
)  # fmt: skip


def find_due_phrases(text: str, call_date: dt.date) -> list[DuePhrase]:
    """All date phrases in `text`, left to right, resolved against `call_date`."""
    found: list[DuePhrase] = []
    for m in _PATTERN.finditer(text):
        kind = next(k for k in _KINDS if m.group(k) is not None)
        try:
            resolved = _resolve(kind, m.group(), call_date)
        except (ValueError, OverflowError):
            resolved = None
        if resolved is None:
            continue
        due, vague, past = resolved
        found.append(DuePhrase(m.start(), m.end(), m.group(), due, vague, past))
    return found


def resolve_phrase(phrase: str, call_date: dt.date) -> tuple[dt.date | None, bool] | None:
    """(due, vague) for a phrase that is entirely one date expression, else None."""
    found = find_due_phrases(phrase.strip(), call_date)
    if len(found) != 1 or found[0].end - found[0].start != len(phrase.strip()):
        return None
    return found[0].due, found[0].vague
