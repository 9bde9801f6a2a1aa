"""Resolve one date phrase against the call's date, by the labelling guide's conventions.

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

from aba.core.dates_forms import (
    _GERM_NEXT,
    _GERM_WEEK,
    _MONTHS,
    _NUMBERS,
    _PATTERN,
    _WEEKDAYS,
    DOTTED,
    SHORT_DOTTED,
    _kind,
)


def _add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's last day (like relativedelta)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _next_weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The next given weekday strictly after `day` (1 to 7 days on)."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(day: dt.date) -> dt.date:
    return _month_end(day.year, ((day.month - 1) // 3) * 3 + 3)


# Forms counted from the date named before them (dates.find_due_phrases), not from the call.
ANCHORED = frozenset({"after", "then", "before", "counted", "following", "thatweek"})


def _weekday_of(word: str) -> int | None:
    return _WEEKDAYS.get(word[:3].lower())


def weekday_agrees(got: tuple[dt.date | None, bool, bool] | None, word: str) -> bool:
    """Whether a resolved date falls on the weekday `word` names ("Thu 26.11", "Mon 10/3")."""
    return bool(got and got[0] and got[0].weekday() == _weekday_of(word))


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
        month = _add_months(first, k)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            d = month.replace(day=day)
            if d >= call:
                return d
    return None


def _amount(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS.get(w)


_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORDINAL_WORD = re.compile(r"(?:(twenty|thirty)[\s-])?([a-z]+(?:st|nd|rd|th))\b")


def _ordinal_digits(words: str) -> str:
    """ "twenty third" -> "23rd", "fifteenth" -> "15th"; any other word as it was."""
    m = _ORDINAL_WORD.fullmatch(words)
    unit = _ORDINAL_UNITS.get(m.group(2)) if m else None
    if m is None or unit is None:
        return words
    n = unit + {"twenty": 20, "thirty": 30}.get(m.group(1) or "", 0)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


_TODAY = frozenset(
    {"today", "tonight", "now", "afternoon", "morning", "evening", "away", "immediately", "call"}
    | {"tonite", "aft", "arvo", "pm", "am"}
)


# Spanish, Portuguese, French and Italian date words (dates_forms._XLANG) and the English read in
# their place.
FOREIGN = {
    "lunes": "monday", "martes": "tuesday", "miércoles": "wednesday", "miercoles": "wednesday",
    "jueves": "thursday", "viernes": "friday",
    "segunda": "monday", "terça": "tuesday", "terca": "tuesday",
    "quarta": "wednesday", "quinta": "thursday", "sexta": "friday", "hoy": "today",
    "hoje": "today", "mañana": "tomorrow", "manana": "tomorrow", "amanhã": "tomorrow",
    "amanha": "tomorrow", "una": "one", "uma": "one", "dos": "two", "duas": "two",
    "tres": "three", "três": "three", "semana": "week", "semanas": "weeks", "días": "days",
    "dias": "days", "día": "day", "dia": "day",
    "lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday",
    "vendredi": "friday", "lunedì": "monday", "lunedi": "monday", "martedì": "tuesday",
    "martedi": "tuesday", "mercoledì": "wednesday", "mercoledi": "wednesday",
    "giovedì": "thursday", "giovedi": "thursday", "venerdì": "friday", "venerdi": "friday",
    "yarın": "tomorrow", "yarin": "tomorrow", "jutro": "tomorrow", "holnap": "tomorrow",
    "sutra": "tomorrow", "kesho": "tomorrow",
    "demain": "tomorrow", "domani": "tomorrow", "aujourd'hui": "today", "oggi": "today",
    "un": "one", "une": "one", "deux": "two", "trois": "three", "quatre": "four", "due": "two",
    "tre": "three", "quattro": "four", "semaine": "week", "semaines": "weeks", "settimana": "week",
    "settimane": "weeks", "jour": "day", "jours": "days", "giorno": "day", "giorni": "days",
    "mois": "months", "mese": "month", "mesi": "months",
    "janvier": "january", "février": "february", "fevrier": "february", "mars": "march",
    "avril": "april", "mai": "may", "juin": "june", "juillet": "july", "août": "august",
    "aout": "august", "septembre": "september", "octobre": "october", "novembre": "november",
    "décembre": "december", "decembre": "december", "gennaio": "january",
    "febbraio": "february", "marzo": "march", "aprile": "april", "maggio": "may",
    "giugno": "june", "luglio": "july", "agosto": "august", "settembre": "september",
    "ottobre": "october", "dicembre": "december", "enero": "january", "febrero": "february",
    "abril": "april", "mayo": "may", "junio": "june", "julio": "july", "septiembre": "september",
    "setiembre": "september", "octubre": "october", "noviembre": "november",
    "diciembre": "december", "janeiro": "january", "fevereiro": "february", "março": "march",
    "marco": "march", "maio": "may", "junho": "june", "julho": "july", "setembro": "september",
    "outubro": "october", "dezembro": "december",
    "montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday",
    "donnerstag": "thursday", "freitag": "friday", "samstag": "saturday", "maandag": "monday",
    "dinsdag": "tuesday", "woensdag": "wednesday", "donderdag": "thursday", "vrijdag": "friday",
    "zaterdag": "saturday", "måndag": "monday", "mandag": "monday", "tisdag": "tuesday",
    "tirsdag": "tuesday", "onsdag": "wednesday", "torsdag": "thursday", "fredag": "friday",
    "lördag": "saturday", "lørdag": "saturday", "mo": "monday", "di": "tuesday",
    "mi": "wednesday", "do": "thursday", "fr": "friday", "morgen": "tomorrow",
    "morgon": "tomorrow", "imorgon": "tomorrow", "heute": "today", "vandaag": "today",
    "idag": "today", "dag": "today", "zwei": "two", "drei": "three", "vier": "four", "twee": "two",
    "drie": "three", "två": "two", "tva": "two", "to": "two", "fire": "four", "fyra": "four",
    "en": "one", "ein": "one", "eine": "one", "einer": "one", "wochen": "weeks",
    "weken": "weeks", "veckor": "weeks", "uger": "weeks", "uker": "weeks", "tagen": "days",
    "dagen": "days", "dagar": "days", "dage": "days", "januar": "january",
    "januari": "january", "februar": "february", "februari": "february", "märz": "march",
    "marz": "march", "maerz": "march", "maart": "march", "marts": "march", "maj": "may",
    "mei": "may", "juni": "june", "juli": "july", "augustus": "august", "augusti": "august",
    "oktober": "october", "dezember": "december",
}  # fmt: skip
_X_STRUCTURE = (
    (
        re.compile(r"^(?:pasado\s\S+|depois\sde\s\S+|apr[èe]s-demain|dopodomani)$"),
        "the day after tomorrow",
    ),
    (
        re.compile(r"^(?:[üu]e?bermorgen|overmorgen|i\s?[öo]vermorgon|i\sovermorgen)$"),
        "the day after tomorrow",
    ),
    (re.compile(r"^(?:diese|deze|denna|denne)\s\S+$"), "this week"),
    # "volgende week donderdag", "nächste Woche Dienstag": that weekday of next week
    (re.compile(rf"^{_GERM_NEXT}\s{_GERM_WEEK}\s(\S+)$"), "next {0}"),
    (re.compile(rf"^{_GERM_NEXT}\s{_GERM_WEEK}$"), "next week"),
    (re.compile(r"^(?:n[äa]e?chsten|kommenden|n[äa]sta|n[æe]ste|neste)\s(\S+)$"), "next {0}"),
    (re.compile(r"^(?:diesen)\s(\S+)$"), "this {0}"),
    (re.compile(r"^(?:bis\s|tot\s)?(?:ende|einde?)\s.*(?:woche|week)$"), "end of the week"),
    (
        re.compile(r"^(?:bis\s|tot\s|i\s)?(?:ende|einde?|monatsende|slutet|slutningen)\b.*$"),
        "end of month",
    ),
    (re.compile(r"^(?:la\s|na\s)?(?:\S+\s)?(?:semana|week)(?:\sque\s\S+)?$"), "next week"),
    (re.compile(r"^(?:la\s)?(?:semaine\s|settimana\s|prossima\s)\S+$"), "next week"),
    (re.compile(r"^(?:d'ici|avant|entro)\s.*(?:semaine|settimana)$"), "end of the week"),
    (
        re.compile(
            r"^(?:(?:d'ici|avant|entro)\s)?(?:a\s|à\s|al\s|para\s)?(?:la\s)?(?:fin|fim|final|fine)\s.*$"
        ),
        "end of month",
    ),
    (re.compile(r"^(?:el\s|o\s)?(?:día|dia|day)\s(\d{1,2})$"), "the {0}th"),
    (
        re.compile(r"^(?:en|em|dentro\sde|dans|d'ici|tra|fra|in|over|om)\s(\S+)\s(\S+)$"),
        "in {0} {1}",
    ),
    (re.compile(r"^(\S+)\s(?:prochain|prossimo)$"), "next {0}"),
    (  # "le 1er mars", "3 de março de 2026"
        re.compile(
            r"^(?:le\s|el\s|o\s|il\s)?(\d{1,2})(?:er)?\s(?:de\s)?(\S+?),?(?:\s(?:de\s)?(\d{4}))?$"
        ),
        "{0} {1} {2}",
    ),
    (
        re.compile(
            r"^(?:el|este|próximo|proximo|na|nesta|próxima|proxima|até|ate|on|by|starting"
            r"|until|from|this|next|d'ici|avant|ce|entro|questo|am|bis|ab|op|på|pa|tot|voor"
            r"|vanaf|aanstaande|i)\s(.+)$"
        ),
        "{0}",
    ),
)


_DOTTED_IN = re.compile(DOTTED)
_SHORT_DOTTED_IN = re.compile(SHORT_DOTTED)


def _in_english(low: str) -> str:
    """A date phrase in another language (Spanish, Portuguese, French, Italian, German, Dutch or
    Nordic) in the English the resolver reads."""
    low = low.replace("-feira", "").replace(" a.s.", "").replace(" früh", "").replace(" fruh", "")
    dotted = _DOTTED_IN.search(low)
    if dotted:  # "Di 14.03.", "Dienstag, den 14.03.": the date decides
        return dotted.group()
    for rx, shape in _X_STRUCTURE:
        m = rx.match(low)
        if m:
            low = shape.format(*(FOREIGN.get(g, g or "") for g in m.groups())).strip()
            break
    words = [
        FOREIGN.get(w, w) for w in low.replace(".", " ").split() if w not in ("le", "il", "den")
    ]  # "jeudi le 29", "Dienstag den 14.", "12. März"
    if len(words) == 2 and words[1].isdigit():  # "martes 9": the day of the month decides
        return f"{words[0]} {words[1]}th"  # (the day forms take any ordinal suffix: "21th")
    return " ".join(words)


def _resolve(kind: str, text: str, call: dt.date) -> tuple[dt.date | None, bool, bool] | None:
    """(due, vague, past) for one matched phrase, or None when it is no date after all."""
    low = text.lower()
    words = re.findall(r"[a-z]+|\d+", low)
    if kind == "xlang":  # "el viernes", "quinta 24", "amanhã": read as their English
        english = _in_english(low)
        inner = _PATTERN.fullmatch(english)
        return _resolve(_kind(inner), english, call) if inner and _kind(inner) != "xlang" else None
    if kind == "calweek":  # "KW 12": that ISO week's Monday, vague as "w/c" is
        return _calendar_week(words, call)
    if kind == "iso":
        y, m, d = (int(x) for x in low.split("-"))
        try:
            return dt.date(y, m, d), False, False
        except ValueError:
            return None
    if kind == "dotted":  # "26.09.", "06.02.2026": day first, read as the slash form
        d_txt, m_txt, *y_txt = low.split(".")
        if not 1 <= int(m_txt) <= 12 or not 1 <= int(d_txt) <= 31:
            return None  # "16.20." is a time, "1.35." a price
        return _resolve("slash", "/".join([m_txt, d_txt, *(y for y in y_txt if y)]), call)
    if kind == "dotshort":  # "till 13.06", "03.03 at 14:00": the dotted date, its dot unwritten
        short = _SHORT_DOTTED_IN.search(low)
        return _resolve("dotted", short.group() + ".", call) if short else None
    if kind == "slash":
        parts = [int(x) for x in low.split("/")]
        year = None
        if len(parts) == 3:
            year = parts[2] + 2000 if parts[2] < 100 else parts[2]
            if abs(year - call.year) > 1:
                return None  # "12/24/36 month pricing" is no date
        first, second = parts[0], parts[1]
        if first > 12 >= second and low != "24/7":
            first, second = second, first  # "14/03" can only be day/month
        due = _on_or_after(call, first, second, year)
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
        if "week" in words or "weeks" in words or "wk" in words or "wks" in words:
            return _week_start(call) + dt.timedelta(days=11), False, False
        if "month" in words:
            nxt = _add_months(call, 1)
            return _month_end(nxt.year, nxt.month), False, False
        return _quarter_end(_add_months(call, 3)), False, False
    if kind == "endper":
        if low in ("eod", "cob", "close of business") or "day" in words:
            return call, False, False
        if low == "eow" or "week" in words or "wk" in words:
            return _week_start(call) + dt.timedelta(days=4), False, False
        if low == "eom" or "month" in words or "mth" in words:
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
        later = words[-1] not in _TODAY
        return call + dt.timedelta(days=1 if later else 0), False, False
    if kind == "weekof":  # "w/c 10 February", "week of the 29th": that Monday, vague
        rest = re.sub(r"^(?:w/c|wc|w/b|week\s\w+|wk\sof)\s(?:the\s)?", "", low)
        rest = _ORDINAL_WORD.sub(lambda m: _ordinal_digits(m.group()), rest)  # "the tenth"
        inner = _PATTERN.fullmatch(rest)
        got = _resolve(_kind(inner), rest, call) if inner else None
        if not got or not got[0]:
            return None
        return _week_start(got[0]), True, False
    if kind == "wdfort":  # "Thursday fortnight", "fortnight Thursday"
        wd = _weekday_of(words[-1] if words[0] == "fortnight" else words[0])
        return (
            (_next_weekday_after(call, wd) + dt.timedelta(days=14), False, False)
            if wd is not None
            else None
        )
    if kind in ("weekfrom", "wdweek"):  # "a week from Friday", British "Friday week"
        if words[-1] in ("today", "now", "tomorrow", "tmrw"):  # "a week from tomorrow"
            return call + dt.timedelta(days=7 if words[-1] in ("today", "now") else 8), False, False
        wd = _weekday_of(words[0] if kind == "wdweek" else words[-1])
        return (
            (_next_weekday_after(call, wd) + dt.timedelta(days=7), False, False)
            if wd is not None
            else None
        )
    if kind in ANCHORED:
        return None  # needs the date before it: dates.find_due_phrases counts it from there
    if kind == "spoken":  # "the twenty third of April", "by the thirtieth": read as digits
        digits = _ORDINAL_WORD.sub(lambda m: _ordinal_digits(m.group()), low)
        digits = re.sub(r"^(?:on|by|until|till|til|before|from|after|starting)\s", "", digits)
        inner = _PATTERN.fullmatch(digits)
        return _resolve(_kind(inner), digits, call) if inner and _kind(inner) != kind else None
    if kind == "wdafterdate":  # "the Monday after the 12th": the first Monday after the 12th
        wd = _weekday_of(words[0])
        rest = re.sub(r"^[a-z]+\safter\s", "", low)
        inner = _PATTERN.fullmatch(rest)
        got = _resolve(_kind(inner), rest, call) if inner else None
        if wd is None or not got or not got[0]:
            return None
        return _next_weekday_after(got[0], wd), False, False
    if kind == "wdafter":  # "Monday after next": that weekday in the week after next
        wd = _weekday_of(words[0])
        return (
            (_week_start(call) + dt.timedelta(days=14 + wd), False, False)
            if wd is not None
            else None
        )
    if kind == "weekafter":
        return _week_start(call) + dt.timedelta(days=14), True, False
    if kind == "wddate":  # "Thurs 3/14": the date decides, the weekday only confirms it
        rest = re.sub(r"^[a-z]+,?\s", "", low)
        # A date the weekday may only be near: "Thu 26.11" (unless a time, "Tues 9.30") and
        # "Thursday 24" are that date when the weekday agrees with it, else the weekday.
        if _SHORT_DOTTED_IN.fullmatch(rest) or rest.isdigit():
            on = (
                _resolve("dotted", rest + ".", call)
                if "." in rest
                else _resolve("ordday", f"{rest}th", call)
            )
            return on if weekday_agrees(on, words[0]) else _resolve("wd", words[0], call)
        inner = _PATTERN.fullmatch(rest)
        return _resolve(_kind(inner), rest, call) if inner else None
    if kind == "wdornext":
        return _week_start(call) + dt.timedelta(days=7), True, False
    if kind in ("wdnext", "wdnext2", "nextwkwd"):
        wd = _weekday_of(words[0] if kind != "nextwkwd" else words[3 if words[2] == "on" else 2])
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
        if first in ("next", "nxt", "following"):
            return _week_start(call) + dt.timedelta(days=7 + wd), False, False
        if first == "this":
            return _week_start(call) + dt.timedelta(days=wd), False, False
        if first in ("last", "past", "previous"):
            return call - dt.timedelta(days=(call.weekday() - wd - 1) % 7 + 1), False, True
        return _next_weekday_after(call, wd), False, False
    if kind == "ordnext":  # "the 1st of next month"
        nxt = _add_months(call.replace(day=1), 1)
        day = int(re.sub(r"\D", "", words[0] if words[0] != "the" else words[1]))
        try:
            return nxt.replace(day=day), False, False
        except ValueError:
            return None
    if kind == "ordday":
        due = _nth_on_or_after(call, int(re.sub(r"\D", "", low)))
        return (due, False, False) if due else None
    if kind == "inn":
        n = next((_amount(w) for w in words if _amount(w) is not None), None)
        if n is None:
            return None
        unit = words[-1]
        if words[-2:] in (["from", "now"], ["from", "today"]):
            words = words[:-2]
            unit = words[-1]
        if unit.startswith("day"):
            if "business" in words or "working" in words:
                return _add_business_days(call, n), False, False
            return call + dt.timedelta(days=n), False, False
        if unit.startswith("w"):
            return call + dt.timedelta(weeks=n), False, False
        return _add_months(call, n), False, False
    if kind == "fort":
        n = 2 if "two" in words else 1
        return call + dt.timedelta(days=14 * n), False, False
    if kind == "nextwk":
        return _week_start(call) + dt.timedelta(days=7), True, False
    if kind == "thiswk":  # "this week" as a deadline: its Friday
        return _week_start(call) + dt.timedelta(days=4), False, False
    return None, True, False  # vweeks, vague: no date, but the words say "later"


def _calendar_week(words: list[str], call: dt.date) -> tuple[dt.date, bool, bool] | None:
    """The week numbered in `words` (year given, else the next such week).

    "KW 40 Dienstag" is that day, "Ende KW 12" that week's Friday, any other its Monday, vague.
    A week gone by is next year's only within half a year ("back in KW 2" said in March is
    past), and so is an English "week 2" (more is a count: "in week 2" of a pilot).
    """
    nums = [int(w) for w in words if w.isdigit()]
    week, given = nums[0], (nums[1] if len(nums) > 1 else None)
    year = (given + 2000 if given < 100 else given) if given else call.isocalendar()[0]
    counted = "week" in words or "wk" in words  # English "in week 2" may count a pilot's weeks
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
        wrapped = given is None and monday + dt.timedelta(days=6) < call
        if wrapped:  # a week gone this year is next year's, if soon ("KW 2" said in December)
            monday = dt.date.fromisocalendar(year + 1, week, 1)
    except ValueError:
        return None
    if (wrapped or counted) and given is None and monday > call + dt.timedelta(weeks=26):
        return None
    days = (_weekday_of(FOREIGN.get(w, w)) for w in words[1:] if w.isalpha() and len(w) > 2)
    day = next((d for d in days if d is not None), None)
    if day is not None:  # "KW 40 Dienstag": that day
        return monday + dt.timedelta(days=day), False, False
    if words[0] in ("ende", "eind", "end"):
        return monday + dt.timedelta(days=4), False, False
    return monday, True, False


_PREFIXES = {"this", "next", "nxt", "coming", "following", "last", "past", "previous"}


def _add_business_days(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day
