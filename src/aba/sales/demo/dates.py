"""Name a due date the way reps write it ("Friday", "next Tues", "the 14th", "3/12", "EOW").

Each phrase must mean the stored due date under the reader's conventions (aba.core.dates): a bare
weekday is the next such day after the call, "next Tuesday" is in the following Monday-start
week, "EOW" is the Friday of the call's week, "the 14th" and "3/12" (US month/day) are the next
such date. British voices never write slashed dates, which the reader takes as month/day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from itertools import accumulate
from random import Random

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_SHORT: tuple[tuple[str, ...], ...] = (
    ("Mon",),
    ("Tue", "Tues"),
    ("Wed", "Weds"),
    ("Thu", "Thurs"),
    ("Fri",),
    (),
    (),
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# A phrase: (weight, text, preposition before an event or None, preposition before a deadline).
Candidate = tuple[float, str, str | None, str]

VAGUE_DATED = ("next week", "sometime next week", "early next week")
VAGUE = (
    "in a few weeks",
    "in a couple of weeks",
    "next month",
    "later this month",
    "in the coming weeks",
    "soon",
    "shortly",
    "next quarter",
)


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def business_day(day: dt.date) -> dt.date:
    """`day`, or the Monday after when it falls on a weekend."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _business_days_between(start: dt.date, end: dt.date) -> int:
    return sum(
        1 for i in range(1, (end - start).days + 1) if (start + dt.timedelta(i)).weekday() < 5
    )


def _nth_is(call: dt.date, due: dt.date) -> bool:
    """Whether "the Nth" said on `call` means `due`: the first such day on or after the call."""
    day = call
    while day.day != due.day:
        day += dt.timedelta(days=1)
        if (day - call).days > 62:
            return False
    return day == due


def exact_candidates(call: dt.date, due: dt.date, *, british: bool, short: bool) -> list[Candidate]:
    """Every way this rep might name `due` on `call`, with how likely they are to write it."""
    delta = (due - call).days
    out: list[Candidate] = []
    wd = due.weekday()
    month = MONTHS[due.month - 1]
    if delta == 1:
        out.append((3, "tmrw" if short else "tomorrow", "", ""))
    if 1 <= delta <= 6 and wd < 5:
        name = WEEKDAYS[wd]
        for abbrev in _WD_SHORT[wd]:
            out.append((2 if short else 0.5, abbrev, "on", "by"))
        out += [
            (0.5 if short else 3, name, "on", "by"),
            (1, f"{name} {'morning' if delta % 2 else 'afternoon'}", "on", "by"),
            (0.6, f"{'EOD' if short or not british else 'COB'} {name}", None, "by"),
            (1, f"{_WD_SHORT[wd][-1]} {ordinal(due.day)}", "", "by"),
            (0.6, f"{name} the {ordinal(due.day)}", "on", "by"),
        ]
        out.append(
            (0.5, f"{name} {due.day} {month}", "on", "by")
            if british
            else (0.5, f"{name}, {month} {due.day}", "on", "by")
        )
    if week_start(due) == week_start(call) and wd < 5 and delta > 0:
        out.append((1, f"this {WEEKDAYS[wd]}", "", "by"))
        if wd == 4:
            out += [(2 if short else 0.8, "EOW", None, "by"), (1, "end of the week", None, "by")]
    if week_start(due) == week_start(call) + dt.timedelta(days=7) and wd < 5:
        name = WEEKDAYS[wd]
        out += [(2, f"next {name}", "", "by"), (1, f"{name} next week", "", "by")]
        if short:
            out.append((1, f"next {_WD_SHORT[wd][-1]}", "", "by"))
        if british:
            out.append((0.5, f"{name} of next week", "", "by"))
        if wd == 4:
            out.append((1, "end of next week", None, "by"))
    if delta in (7, 14, 21, 28):
        n = delta // 7
        words = "a week" if n == 1 else f"{_NUMBER_WORDS[n]} weeks"
        out += [(1.5, f"in {words}", "", ""), (0.6, f"within {words}", None, "")]
        if short:
            out.append((1, f"in {n} wk{'s' if n > 1 else ''}", "", ""))
        if british and n == 2:
            out.append((1.5, "in a fortnight", "", ""))
    if 2 <= delta <= 9:
        word = _NUMBER_WORDS[delta]
        out.append((0.6, f"in {delta if short else word} days", "", ""))
    if wd < 5 and 2 <= (n := _business_days_between(call, due)) <= 9 and delta > n:
        unit = "working" if british else "business"
        out.append((0.4, f"within {n if short else _NUMBER_WORDS[n]} {unit} days", None, ""))
    if delta < 28 and _nth_is(call, due):
        out.append((2, ordinal(due.day) if short else f"the {ordinal(due.day)}", "on", "by"))
    if british:
        out += [
            (1.5, f"{due.day} {month}", "on", "by"),
            (1, f"{ordinal(due.day)} {month}", "on", "by"),
            (0.4, f"{ordinal(due.day)} of {month}", "on", "by"),
            (0.6, f"{due.day} {month[:3]}", "on", "by"),
        ]
    else:
        out += [
            (1.5, f"{month} {due.day}", "on", "by"),
            (0.8, f"{month} {ordinal(due.day)}", "on", "by"),
            (0.6, f"{month[:3]} {due.day}", "on", "by"),
            (1.5 if short else 0.8, f"{due.month}/{due.day}", "on", "by"),
        ]
    if delta > 2 and not british:  # British voices never write numeric dates
        out.append((0.15, due.isoformat(), "on", "by"))
    if due == month_end(call.year, call.month):
        out += [
            (2, "end of the month", None, "by"),
            (1, "EOM" if short else "end of month", None, "by"),
        ]
    nxt = month_end(call.year + call.month // 12, call.month % 12 + 1)
    if due == nxt:
        out.append((1.5, "end of next month", None, "by"))
    if due == month_end(due.year, due.month) and due.year == call.year + (due.month < call.month):
        out.append((1.5, f"end of {month}", None, "by"))
    return out


@lru_cache(maxsize=1 << 16)
def _phrasings(
    call: dt.date, due: dt.date, british: bool, short: bool, event: bool
) -> tuple[tuple[tuple[str, str], ...], tuple[float, ...]]:
    """The (preposition, phrase) choices and their cumulative weights; days repeat, so cached."""
    cands = [
        (w, (on if event else by) or "", text)
        for w, text, on, by in exact_candidates(call, due, british=british, short=short)
        if not (event and on is None)
    ]
    return tuple((prep, text) for _, prep, text in cands), tuple(accumulate(w for w, _, _ in cands))


def pick_exact(
    rng: Random, call: dt.date, due: dt.date, *, british: bool, short: bool, event: bool
) -> tuple[str, str]:
    """(preposition, phrase) naming `due`: an event takes "on Friday", a deadline "by Friday"."""
    choices, cum_weights = _phrasings(call, due, british, short, event)
    prep, text = rng.choices(choices, cum_weights=cum_weights)[0]
    if short and prep == "on" and rng.random() < 0.6:
        prep = ""  # "Demo w/ CIO booked Tues 14th"
    return prep, text


def pick_vague(rng: Random, call: dt.date, *, dated: bool) -> tuple[str, dt.date | None]:
    """A vague time ("in a few weeks"); `dated` allows "next week", which still names a Monday."""
    if dated and rng.random() < 0.3:
        return rng.choice(VAGUE_DATED), week_start(call) + dt.timedelta(days=7)
    return rng.choice(VAGUE), None
