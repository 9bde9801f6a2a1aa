"""Find due-date phrases in a call note and resolve them against the call's date.

Hand-written (standard library only) because general date parsers are 5-20x too slow to run
over whole notes and guess wrongly on sales shorthand ("EOW", "3/12", "the 14th"). Every
pattern is a flat alternation with bounded repetition, so scanning is linear in the note.

Conventions (tests/data/notes/README.md): a bare weekday is the next such day strictly after the
call; "next Tuesday" is the Tuesday of the following Monday-start week; "this Friday" and "EOW"
are the Friday of the call's week; "the 14th" and "3/12" (US month/day) are the next such date on
or after the call; "next week" is the Monday of next week, vague; "in a few weeks", "soon" and
"next quarter" have no date and are vague.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from aba.core.dates_forms import _FORMS, _NUMBERS
from aba.core.dates_resolve import (
    ANCHORED,
    _next_weekday_after,
    _resolve,
    _weekday_of,
    weekday_agrees,
)

__all__ = ["DuePhrase", "find_due_phrases", "lower_same_length", "resolve_phrase"]


@dataclass(frozen=True, slots=True)
class DuePhrase:
    """A date phrase found in a note: where it is, what it says, the date it means."""

    start: int
    end: int
    text: str
    due: dt.date | None
    vague: bool
    past: bool = False  # "last Monday": a date, but not a due date


def lower_same_length(text: str) -> str:
    """Lowercase keeping every offset (a few characters, like "İ", lengthen when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# Each form alone, to tell which one a phrase found by the scanner is (first in priority order).
_EACH = tuple((kind, re.compile(rf"(?:{pattern})$")) for kind, _, pattern in _FORMS)


_KIND_OF: dict[str, str] = {}  # phrase -> its form: phrases recur ("friday", "next week")


@functools.cache
def _scanner() -> re.Pattern[str]:
    """Every form in one pattern, its alternatives grouped by first letter: one fast scan.

    Built on first use: `regroup` lives in the reading package, which imports this module.
    """
    from aba.core.reading.fastrx import regroup

    body = regroup("|".join(f"(?:{pattern})" for _, _, pattern in _FORMS))
    return re.compile(rf"(?<![\w/.-])(?:{body})(?![\w])")


def find_due_phrases(text: str, call_date: dt.date, low: str | None = None) -> list[DuePhrase]:
    """All date phrases in `text`, left to right, resolved against `call_date`.

    `low` is `text` already lowercased by `lower_same_length`, when the caller has it.
    """
    found: list[DuePhrase] = []
    memo: dict[str, tuple[dt.date | None, bool, bool] | None] = {}
    low = low if low is not None else lower_same_length(text)
    day_first = "/" in low and _day_first(low, call_date)
    for m in _scanner().finditer(low):
        phrase = m.group()
        kind = _KIND_OF.get(phrase) or next(k for k, rx in _EACH if rx.match(phrase))
        if len(_KIND_OF) < 4096:
            _KIND_OF[phrase] = kind
        if day_first and kind in _SLASHED:
            phrase = _SLASH.sub(r"\2/\1", phrase, count=1)  # "12/3" in a day-first note
        if kind in ANCHORED:  # counted from the date before it
            after = _anchored(found, m.start(), kind, phrase, low, call_date)
            if after:
                found.append(DuePhrase(m.start(), m.end(), text[m.start() : m.end()], *after))
            continue
        if phrase in memo:
            resolved = memo[phrase]
        else:
            try:
                resolved = _resolve(kind, phrase, call_date)
            except (ValueError, OverflowError):
                resolved = None
            memo[phrase] = resolved
        if resolved is None:
            continue
        due, vague, past = resolved
        if due and not past and (due - call_date).days >= _FAR and _told_as_past(phrase, m, low):
            due, past = _year_before(due), True
        found.append(DuePhrase(m.start(), m.end(), text[m.start() : m.end()], due, vague, past))
    if len(found) > 1:
        found = _corrected(found, low)
    return found


# A note writes its dates day first when one of them can only be read so ("16/3", "26/11"), or
# when a weekday agrees with its date only read so ("Mon 10/3" written in February): its other
# numeric dates are day first too ("trial from Mon 10/3, site visit 12/3").
_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_SLASHED = frozenset({"slash", "wddate"})
_WEEKDAY_SLASH = re.compile(r"\b([a-z]{3,9})\.?,?\s(\d{1,2})/(\d{1,2})(?![\d/])")


def _day_first(low: str, call_date: dt.date) -> bool:
    """Whether the note's numeric dates are day/month (see above)."""
    for m in _SLASH.finditer(low):
        a, b = int(m.group(1)), int(m.group(2))
        if 12 < a <= 31 and 1 <= b <= 12 and m.group() != "24/7":
            return True
    for m in _WEEKDAY_SLASH.finditer(low):
        word, a, b = m.group(1), int(m.group(2)), int(m.group(3))
        if _weekday_of(word) is None or not (1 <= a <= 12 and 1 <= b <= 12) or a == b:
            continue
        us = _resolve("slash", f"{a}/{b}", call_date)
        eu = _resolve("slash", f"{b}/{a}", call_date)
        if us and us[0] and weekday_agrees(eu, word) and not weekday_agrees(us, word):
            return True
    return False


# A day and month with no year, read ahead as the table says, that falls this far ahead and is
# told in the past tense is the same day of the months just past: "We had a site visit on 14
# August" (written on 10 September), "8/19: Cheryl accepted a meeting". (9 of the 13,600 dated
# train commitments fall more than 200 days after their call, and none of them is told so.)
_FAR = 240
_YEARLESS = re.compile(r"[a-z]|\d{1,2}[/.]\d{1,2}\.?$")  # "14 august", "8/19", "14.08." (no year)
_HAS_YEAR = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d")
_PAST_TENSE = re.compile(
    r"\b(?:had|was|were|did|came|went|sent|met|accepted|attended|said|told|asked|visited"
    r"|showed|submitted|promised|held|gave|got|saw|joined|presented|demoed|delivered|ran|started"
    r"|finished|ordered|placed|signed|trialled|trialed|tried|called|rang|emailed|fitted|ended"
    r"|happened|(?!(?:agreed|arranged|booked|scheduled|planned|approved|confirmed|pencil+ed"
    r"|slated|targeted|expected|proposed|moved|pushed|postponed|delayed|rescheduled|extended"
    r"|needed|required|interested|invited|committed|need|speed|feed|seed|proceed|exceed"
    r"|succeed|indeed|shed|embed)\b)[a-z]{3,}ed)\b"
)
_HISTORY_HEAD = re.compile(r"[\s*•-]*(?:history|background|context|recap)\b")
_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _told_as_past(phrase: str, m: re.Match[str], low: str) -> bool:
    """Whether a yearless date is told in a sentence in the past tense, heads a history line
    ("8/19: ...") or sits in a paragraph headed as history ("History: ... Demo on 18 February")."""
    if _HAS_YEAR.search(phrase) or not _YEARLESS.search(phrase):
        return False
    start = max(0, m.start() - 120)
    line = low.rfind("\n", start, m.start())
    before = low[start if line < 0 else line + 1 : m.start()]  # the date's line, up to it
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    before = before[cut + 1 :] if cut >= 0 else before
    if not before.strip() and low.startswith(":", m.end()):
        return True  # a history line: "8/19: Cheryl accepted a meeting invite"
    after = _SENTENCE_EDGE.search(low, m.end(), m.end() + 120)
    return bool(
        _HISTORY_HEAD.match(low, low.rfind("\n", 0, m.start()) + 1)  # "History: demo on 18 Feb"
        or _PAST_TENSE.search(before)
        or _PAST_TENSE.search(low, m.end(), after.start() if after else m.end() + 120)
    )


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day - dt.timedelta(days=365)


# A date said, then taken back for another: "Friday um Thursday actually", "the fifth no the
# sixth", "by Thursday no Wednesday", "two's day, no sorry, Wednesday".
_TAKEN_BACK = re.compile(
    r"[\s,.;-]*(?:(?:um|uh|er|erm)[\s,]+)*(?:no|sorry|no,?\ssorry|actually|i\smean|make\sthat"
    r"|no,?\s(?:she|he|they)\s(?:corrected|changed)\s(?:herself|himself|themselves|it|that)"
    r"|scratch\sthat|or\srather|rather)[\s,.;-]*(?:(?:um|uh|er|erm|it's|its|make\sit)[\s,]+)*"
)
_SAID_AGAIN = re.compile(r"[\s,]*(?:(?:um|uh|er|erm)[\s,]+)*$")
_WEEKDAY_AFTER = re.compile(r"the\s([a-z]+)\safter$", re.IGNORECASE)
_ACTUALLY_AFTER = re.compile(r"[\s,]*(?:actually|i\smean)\b")
_INSTEAD_AFTER = re.compile(r"[\s,]*instead\b")
_CORRECTION = re.compile(r"\b(?:no|correction|actually|changed|moved|moving|change\sof\splan)\b")


def _corrected(found: list[DuePhrase], low: str) -> list[DuePhrase]:
    """The dates a speaker did not take back: a date followed at once by a correction and
    another date gives way to that one."""
    if all(b.start - a.end > 30 for a, b in zip(found, found[1:], strict=False)) and (
        "instead" not in low and "rather than" not in low
    ):
        return found  # (most notes: no two dates close enough for one to correct the other)
    kept: list[DuePhrase] = []
    for k, d in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and nxt.start - d.end <= 30:
            gap = low[d.end : nxt.start]
            if _TAKEN_BACK.fullmatch(gap) or (
                _SAID_AGAIN.fullmatch(gap) and _ACTUALLY_AFTER.match(low, nxt.end)
            ):
                continue  # "Friday no Thursday", "Friday um Thursday actually"
        if (
            nxt is not None
            and nxt.start - d.end <= 120
            and _INSTEAD_AFTER.match(low, nxt.end)
            and _CORRECTION.search(low, d.end, nxt.start)
        ):
            continue  # "Monday the 30th. No, correction, he texted after: Tuesday instead"
        if low.endswith(("instead of ", "rather than "), 0, d.start):
            continue  # "moved it to Thursday instead of Friday": Friday is no longer the date
        kept.append(d)
    return kept


# How far back "the day after" looks for the date it counts from ("the board meets Nov 26.
# Chantal will call me the day after"): about two sentences.
_ANCHOR_REACH = 300
_NOTHING_TILL = re.compile(r"\b(?:nothing|no|not|never|none)\b[^.;\n]{0,30}$|n't\b[^.;\n]{0,30}$")


def _anchored(
    found: list[DuePhrase], at: int, kind: str, phrase: str, low: str, call_date: dt.date
) -> tuple[dt.date, bool] | None:
    """(due, vague) of a phrase counted from the firm date before it: "the day after" (the next
    day), "the week after" (its Monday, vague as "next week" is), "until then" (that day), "the
    day before", "two days after", "the following Monday", "the Friday of that week". With no
    date before it, "the following Monday" is the coming one."""
    if kind == "then" and _NOTHING_TILL.search(low, max(0, at - 40), at):
        return None  # "nothing from me till then": a wait, no date for anyone
    anchor = next((d for d in reversed(found) if d.due and not d.vague and not d.past), None)
    if anchor is None or anchor.due is None or at - anchor.end > _ANCHOR_REACH:
        if kind == "following":  # "I'll ring her the following Monday": the coming one
            got = _resolve("wd", phrase.split()[-1], call_date)
            return (got[0], got[1]) if got and got[0] else None
        return None
    if kind == "then":  # "until then"
        return anchor.due, False
    if kind == "following":  # "the following Monday": the first Monday after the event
        day = _weekday_of(phrase.split()[-1])
        return (_next_weekday_after(anchor.due, day), False) if day is not None else None
    # What is done before an event or in its week counts from the event the steps lead up to:
    # the latest date named in reach ("she sends the export Friday, and I'll email the agenda
    # the day before" the workshop on the 24th).
    last = max(
        (
            d.due
            for d in found
            if d.due and not d.vague and not d.past and at - d.end <= _ANCHOR_REACH
        ),
        default=anchor.due,
    )
    if kind == "thatweek":  # "the Friday of that week"
        return last + dt.timedelta(days=4 - last.weekday()), False
    if kind == "counted":  # "two days after", "3 days before"
        words = phrase.split()
        n = 2 if words[1] == "couple" else _NUMBERS.get(words[0]) or int(words[0])
        if words[-1] == "before":
            return last - dt.timedelta(days=n), False
        return anchor.due + dt.timedelta(days=n), False
    if kind == "before":
        if not low[anchor.end : at].strip(" ,"):
            return None  # "on 19 September, the Friday before": the same day, said again
        return _before(last, phrase)
    if " day " in phrase:
        return anchor.due + dt.timedelta(days=1), False
    wd = _WEEKDAY_AFTER.match(phrase)
    day = _weekday_of(wd.group(1)) if wd else None
    if day is not None:  # "the Monday after": the first Monday after the date before it
        return _next_weekday_after(anchor.due, day), False
    monday = anchor.due - dt.timedelta(days=anchor.due.weekday())
    return monday + dt.timedelta(days=7), True


def _before(anchor: dt.date, phrase: str) -> tuple[dt.date, bool]:
    """(due, vague) of "the day before" (and its night, evening...), "the Friday before" and "the
    week before" (its Monday, vague as "next week" is), counted back from `anchor`."""
    unit = phrase.split()[1]
    if unit in ("week", "wk"):
        return anchor - dt.timedelta(days=anchor.weekday() + 7), True
    day = _weekday_of(unit)
    if day is None:
        return anchor - dt.timedelta(days=1), False
    return anchor - dt.timedelta(days=(anchor.weekday() - day - 1) % 7 + 1), False


def resolve_phrase(phrase: str, call_date: dt.date) -> tuple[dt.date | None, bool] | None:
    """(due, vague) for a phrase that is entirely one date expression, else None."""
    found = find_due_phrases(phrase.strip(), call_date)
    if len(found) != 1 or found[0].end - found[0].start != len(phrase.strip()):
        return None
    return found[0].due, found[0].vague
