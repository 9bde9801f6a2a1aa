"""The date phrases a call note uses, as lowercase pattern sources, in priority order.

Each form is (kind, the characters a phrase of that kind can start with, its pattern). Every
pattern is a flat alternation with bounded repetition, so scanning is linear in the note.
"""

from __future__ import annotations

import re

_WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "teu": 1, "tus": 1, "wen": 2, "thr": 3, "fir": 4, "frd": 4,  # typed in haste: "Thrusday"
}  # fmt: skip
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "api": 4, "agu": 8, "set": 9, "oco": 10,  # "Apirl", "Agust", "Setpember", "Ocotber"
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Abbreviated "sat"/"sun" are ordinary words, so only their full names count.
_WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|saturday|sunday"
    # the common misspellings: "Thrusday", "Wendesday", "Teusday", "Firday"
    r"|th(?:rus|ur|us|rurs)day|thursay|wen(?:des|s|ds)day|wedensday|wednsday|wednesay"
    r"|wedsday|tuesdy|teusday|tu(?:s|se)day|tuesay|firday|frday|fridy|mondy|monady)"
)
# "may" and "march" are also verbs: a month name only counts next to a day number.
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|febuary|feburary|janaury|apirl|agust|septmber|setpember|ocotber|novmber|novemeber"
    r"|decmber|decemeber)"
)
_ORD = r"(?:st|nd|rd|th)"
_NUM = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?:\s(?:morning|afternoon|evening|night|am|pm|eod|cob))?"

_WK = r"(?:weeks?|wks?)"
_DAYNUM = (
    rf"(?:\d{{1,2}}{_ORD}?(?:\sof)?\s{_MON}|{_MON}\s?\d{{1,2}}{_ORD}?(?!\d)|\d{{1,2}}/\d{{1,2}}"
    rf"|\d{{1,2}}{_ORD})"
)
_COUNTED = (
    r"demo|demos|time|times|round|rounds|party|floor|phase|year|quarter|attempt|call|calls|meeting"
    r"|visit|version|generation|edition|line|shift|site|sites|option|one|person|people|place|try"
    r"|session|trial|pilot|stage|step|level|grade|reminder|email|vm|voicemail|chance|order|week|month"
    r"|van|truck|location|store|unit|lot|tank|yr|season|touch|chase|tranche|delivery|review"
    r"|shipment|batch|door|bay|room|building|plant|proto|prototype|sample|gen|half|inning|stop"
)
# "their 2nd store", "a 3rd van": after a possessive or an article an ordinal counts a thing
_COUNTING = "".join(
    rf"(?<!\b{w}\s)" for w in ("their", "our", "his", "my", "your", "its", "a", "an")
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"

# Spanish, Portuguese, French and Italian date words in code-switched notes ("she sends it el
# viernes", "call him quinta 24", "amanhã", "RDV jeudi", "entro venerdì", "le 14 janvier"), read
# by their English equivalents (dates_resolve.FOREIGN). Portuguese weekday names are also
# ordinals ("segunda reunião"): bare, they count only with "-feira", a day number, a preposition
# before or the end of a phrase after. A foreign month counts only after a day number ("3 mars").
_ES_WD = r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes)"  # (not "Domingo": a name)
_PT_WD = r"(?:segunda|ter[çc]a|quarta|quinta|sexta)"
_FR_IT_WD = (  # (not "Mardi Gras": a feast)
    r"(?:lundi|mardi(?!\sgras)|mercredi|jeudi|vendredi"
    r"|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi])"
)
_XMON = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre"
    r"|d[ée]cembre|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
    r"|dicembre|enero|febrero|abril|mayo|junio|julio|septiembre|setiembre|octubre|noviembre"
    r"|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|januar|januari|februar|februari|m[äa]rz|maerz|maart|marts|mei|maj|juni|juli|augustus"
    r"|augusti|oktober|dezember)"
)
# German, Dutch and Scandinavian ("Termin Di 14.", "bis Freitag", "nächste Woche", "volgende
# week donderdag", "på fredag", "i morgen"). The German two-letter days collide with English
# ("do", "so"), so they count only before a dotted day ("Di 14.") or after "bis"/"ab"; "do"
# only before a full dotted date. "Morgen" after "guten" or "heute" is a morning, not tomorrow.
_GERM_WD = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|maandag|dinsdag|woensdag|donderdag"
    r"|vrijdag|zaterdag|m[åa]ndag|tisdag|tirsdag|onsdag|torsdag|fredag|l[øö]rdag)"
)
_GERM_WEEK = r"(?:woche|week|vecka|uge|uke)"
_GERM_NEXT = r"(?:n[äa]e?chste|kommende|volgende|n[äa]sta|n[æe]ste|neste)"
# A European day-first date with dots, the closing dot required: "26.09.", "06.02.2026"
DOTTED = r"\d{1,2}\.\d{1,2}\.(?:\d{4}(?!\d))?"
SHORT_DOTTED = r"\d{1,2}\.\d{1,2}(?![.,]?\d)(?!\.)"  # "13.06" with no closing dot
# A word a short dotted date may run on into after "by", "on", "until": "by 28.02 so we can",
# "on 24.04 with 2 of his roofers" (not a unit: "on 2.3TB", "from 3.1 days").
_DAY_NEXT = r"(?:at|to|with|for|so|and|if|before|after|from|in|on|or|she|he|they|we|i|tentatively)"
_DOT_NEXT = r"(?:so|if|and|for|with|they|we|he|she|it|at|as|latest|pls|please|then)"
_GERM_DOTTED = r"\d{1,2}\.(?:\d{1,2}\.(?:\d{4}(?!\d))?)?(?![\d/:])"
_GERM_COUNT = r"(?:\d{1,2}|zwei|drei|vier|twee|drie|tv[åa]|tre|to|fire|fyra|en|ein|eine|einer)"
_GERM = (
    rf"(?:(?:am|bis|ab|op|p[åa]|tot|voor|vanaf|diesen|aanstaande|(?:n[äa]e?chsten|kommenden"
    rf"|n[äa]sta|n[æe]ste|neste))\s)?{_GERM_WD}(?:\.?,?\s(?:den\s)?{_GERM_DOTTED}|\sa\.s\.)?"
    rf"|(?:mo|di|mi|fr)\.?,?\s{_GERM_DOTTED}|do\.?,?\s{DOTTED}"
    # "bis Fr." closing the note is Friday; "bis Fr. Hutter" is a person
    r"|(?:bis|ab)\s(?:mo|di|mi|do|fr)(?!\w)(?!\.\s*\w)"
    r"|(?:until|till|by)\s(?:mo|di|mi|fr)(?!\w)(?!\.\s*\w)"
    r"|(?:bis|ab|i|tot)\smorgen(?:\sfr[üu]h)?"
    r"|morgen(?<!guten\smorgen)(?<!heute\smorgen)(?<!jeden\smorgen)(?:\sfr[üu]h)?"
    r"|i\s?morgon|übermorgen|uebermorgen|ubermorgen|overmorgen|i\s?[öo]vermorgon|i\sovermorgen"
    r"|heute|vandaag|idag|i\sdag"
    rf"|{_GERM_NEXT}\s{_GERM_WEEK}(?:\s{_GERM_WD})?|(?:diese|deze|denna|denne)\s{_GERM_WEEK}"
    rf"|(?:bis\s)?ende\s(?:der|dieser)\swoche|(?:tot\s)?einde?\svan\s(?:de|deze)\sweek"
    r"|(?:bis\s)?(?:ende\s(?:des\s|dieses\s)?monats|monatsende|ende\smonat)"
    r"|(?:tot\s)?einde?\svan\sde\smaand|(?:i\s)?slutet\sav\sm[åa]naden"
    r"|(?:i\s)?slutningen\saf\sm[åa]neden"
    rf"|(?:in|over|om)\s{_GERM_COUNT}\s(?:wochen|weken|veckor|uger|uker|tagen|dagen|dagar|dage)"
)
_XDAY = r"(?:\s\d{1,2}(?![\d/:]))?"
_XCOUNT = r"(?:\d{1,2}|une?|deux|trois|quatre|due|tre|quattro)"
_XLANG = (
    rf"(?:el\s|este\s|pr[óo]ximo\s)?{_ES_WD}{_XDAY}"
    rf"|{_PT_WD}-feira{_XDAY}|{_PT_WD}\s\d{{1,2}}(?![\d/:])"
    rf"|(?:na|nesta|pr[óo]xima|at[ée]|on|by|starting|until|from|this|next)\s{_PT_WD}{_XDAY}"
    rf"|{_PT_WD}(?=\s*(?:[.,;:!?)\n]|$))"
    r"|hoy|hoje|pasado\sma[ñn]ana|depois\sde\samanh[ãa]|(?<!la\s)(?<!esta\s)ma[ñn]ana|amanh[ãa]"
    r"|(?:la\s|na\s)?(?:pr[óo]xima|otra)\ssemana|(?:la\s)?semana\sque\s(?:vem|viene)"
    r"|(?:en|em|dentro\sde)\s(?:\d{1,2}|una|uma|dos|duas|tres|tr[êe]s)\s(?:semanas?|d[íi]as)"
    r"|(?:a\s|al\s|para\s)?(?:fin|fim|final)\s(?:de|do|del)\s(?:mes|m[êe]s)"
    r"|(?:el\s|o\s)?d[íi]a\s\d{1,2}(?![\d/:])"
    rf"|(?:d'ici\s|avant\s|ce\s|entro\s|questo\s)?{_FR_IT_WD}(?:\sprochain|\sprossimo|(?:\s(?:le|il))?\s\d{{1,2}}(?![\d/:]))?"
    r"|demain|aujourd'hui|apr[èe]s-demain|domani|oggi|dopodomani"
    # Turkish, Polish, Hungarian, Croatian/Serbian and Swahili "tomorrow"
    r"|yar[ıi]n|jutro|holnap|(?<!kama\s)sutra|kesho"
    r"|(?:la\s)?(?:semaine\sprochaine|settimana\sprossima|prossima\ssettimana)"
    rf"|(?:dans|d'ici|tra|fra|in)\s{_XCOUNT}\s(?:semaines?|settimane?|semanas?|jours?|giorni|giorno|d[íi]as|mois|mes[ei])"
    r"|(?:d'ici\s|avant\s|entro\s)?(?:[àa]\s)?(?:la\s)?(?:fin\sd[eu]\smois|fine\s(?:del\s)?mese)"
    r"|(?:d'ici|avant)\sla\sfin\sde\sla\ssemaine|entro\s(?:la\s)?fine\s(?:della\s)?settimana"
    rf"|(?:le\s|el\s|o\s|il\s)?\d{{1,2}}(?:er|\.)?\s(?:de\s)?{_XMON}(?:,?\s(?:de\s)?\d{{4}})?"
    # "am 12. April" (not a numbered list's "1. May")
    rf"|(?:am|bis|ab|vom|zum|den|per|tot|op|voor)\s\d{{1,2}}\.\s{_MON}(?:\s\d{{4}})?"
    rf"|{_GERM}"
)

# Ordinals spelled out, as dictation writes them: "the twenty third", "April fifteenth", "by the
# thirtieth". Bare, "the first" counts things ("the first call"): a spelled day counts only with
# a month, a weekday, or a preposition before it and nothing but a time or the phrase's end after.
_ORDW_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
# past the tenth, a spelled ordinal after "the" is a day: "see you the twenty third"
_ORDW_BIG = (
    rf"(?:twenty[\s-]{_ORDW_UNIT}|thirty[\s-]first|twentieth|thirtieth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)"
)
_ORDW = rf"(?:{_ORDW_BIG}|tenth|{_ORDW_UNIT})"
_SPOKEN = (
    rf"(?:the\s)?{_ORDW}\sof\s{_MON}|{_MON}\s(?:the\s)?{_ORDW}"
    rf"|{_WD},?\s(?:the\s{_ORDW}|{_ORDW_BIG})"  # (not "Tuesday first thing")
    rf"|(?:(?:on|by|until|till|til|before|from|after|starting)\sthe\s{_ORDW}|the\s{_ORDW_BIG})"
    r"(?=\s*(?:[.,;:!?)\n]|$)|\sat\s|\s(?:and|so|no|with|or|but|because|when|then|if|she|he|they"
    r"|we|i|um|er|uh|which)\s)"  # (not "on the first morning of the pilot"; dictation runs on)
)

# a day named in the calendar week: "KW 40 Dienstag", "KW 17, Montag" (not "KW 12,5")
_CW_DAY = rf"(?:,?\s(?:{_WD}|{_GERM_WD}))?(?!\d|[.,]\d)"
_DIGITS = "0123456789"
_WDF = "mtwfs"  # first letters of weekday names
_MONF = "jfmasond"  # first letters of month names
# (kind, the characters a phrase of that kind can start with, its pattern), in priority order.
# The characters document each form; the finder (dates.py) works the starts out itself.
# A phrase counted from an event ends its clause or comes before a joining word or a new subject:
# "the day before go-live" counts from a day not named ("the day before we start" does not).
_JOINING = "so|and|to|for|with|as|but|then|when|while|if|at|in"
_ENDS = rf"(?=\s*(?:[.,;:!)\n]|$|(?:{_JOINING})\b|-))"
_JOINS = rf"(?=\s*(?:[.,;:!)\n]|$|(?:{_JOINING}|we|they|he|she|it|you|i)\b|-))"
_FORMS: tuple[tuple[str, str, str], ...] = (
    ("iso", _DIGITS, r"\d{4}-\d{1,2}-\d{1,2}"),
    ("spoken", "tobuf" + _WDF + _MONF, _SPOKEN),
    ("slash", _DIGITS, r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])"),
    # European day-first with dots, the closing dot required: "until 26.09.", "Di 19.05.",
    # "06.02.2026" (not "$4.62.", "at 9.10." a time, nor "0.71" a decimal)
    ("dotted", _DIGITS, rf"(?<![$£€])(?<!at\s)(?<!um\s){DOTTED}"),
    # Without the closing dot only where a date is meant: "till 13.06", "fixed 03.03 at 14:00",
    # "comes on 18.03 morning" (not "for 14.05 EUR", "approx 4.2M", "at 9.15" a time)
    (
        "dotshort",
        "otubfdlsp",
        rf"(?:on|till|til|until|by|before|from|after|latest|fixed|planned|start|starting|due"
        rf"|deadline)\s{SHORT_DOTTED}(?!\s?(?:%|[a-z](?<!\s[a-z])|(?!{_DOT_NEXT}\b)[a-z]))"
        rf"|{SHORT_DOTTED}(?=\s(?:at\s|@\s?|um\s)?\d{{1,2}}[:.h]\d{{2}}|\s(?:morning|afternoon)|$)",
    ),
    ("mday", _MONF, rf"{_MON}\.?\s?\d{{1,2}}{_ORD}?(?:,?\s\d{{4}})?(?!\d)"),
    ("dmon", _DIGITS + "t", rf"(?:the\s)?\d{{1,2}}{_ORD}?(?:(?:\sof)?\s|-){_MON}(?:,?\s\d{{4}})?"),
    (
        "weekof",
        "w",
        rf"(?:w/c|wc|w/b|week\sof|week\scommencing|week\sbeginning|wk\sof)\s(?:the\s)?"
        rf"(?:{_DAYNUM}|{_ORDW}(?![\w-]))",
    ),
    ("wdfort", _WDF + "f", rf"{_WD}\sfortnight|fortnight\s(?:on\s)?{_WD}"),
    (
        "weekfrom",
        "a",
        rf"a\s(?:week|wk)\sfrom\s(?:(?:this\s|next\s)?{_WD}|today|tomorrow|tmrw|now)",
    ),
    (
        "wddate",
        _WDF,
        rf"{_WD},?\s(?:the\s)?(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\w/])"
        rf"|{DOTTED}|{SHORT_DOTTED}"
        rf"|\d{{1,2}}{_ORD}?(?:\sof)?\s{_MON}|{_MON}\s?\d{{1,2}}{_ORD}?(?!\d)|\d{{1,2}}{_ORD}(?!\w)"
        # a bare day of the month: "Thursday 24 at 10:00", "at latest Monday 21" (not a time,
        # "Tues 9.30", "Fri 6pm", nor a count, "Tuesday, 48% yes", "Friday 6 people")
        rf"|\d{{1,2}}(?![\d%/:.h-]|\s?(?:am|pm|[ap]\b)|[a-z]|\s(?!{_DAY_NEXT}\b)[a-z]))",
    ),
    # "Thurs or Fri next week": no day settled, the week is (its Monday, vague)
    ("wdornext", _WDF, rf"{_WD}\s(?:or|/)\s{_WD}\s(?:of\s)?(?:next|nxt)\s{_WK}"),
    ("wdnext", _WDF, rf"{_WD}\s(?:of\s)?(?:next|nxt)\s{_WK}{_PART}"),
    # "next week Friday", "nxt wk on Thurs" (Dutch, German and Indian English word order)
    ("nextwkwd", "n", rf"(?:next|nxt)\s{_WK},?\s(?:on\s)?{_WD}{_PART}"),
    # "the Monday after the 12th": the first such weekday after that date
    (
        "wdafterdate",
        _WDF,
        rf"{_WD}\safter\s(?:the\s)?(?:\d{{1,2}}{_ORD}?\s(?:of\s)?{_MON}(?!\w)"
        rf"|{_MON}\.?\s\d{{1,2}}{_ORD}?(?!\d)|\d{{1,2}}/\d{{1,2}}(?![\w/])|\d{{1,2}}{_ORD}(?!\w))",
    ),
    # "Monday after next"; British "Friday week" (a week on from the coming Friday)
    ("wdafter", _WDF, rf"{_WD}\safter\snext"),
    (
        "wdweek",
        _WDF,
        rf"{_WD}\sweek(?![\w'-])(?!\s(?:of|off|long|later|earlier|before|after|ago|from|end)\b)",
    ),
    # British "Thursday next": the Thursday of next week (only at a phrase's end: "Thu next.")
    ("wdnext2", _WDF, rf"{_WD}\snext(?=\s*(?:[.,;:!?)\n]|$))"),
    (
        "wd",
        _WDF + "ectnflp",
        rf"(?:(?:eod|cob|end\sof\sday)\s(?:on\s)?)?(?:(?:this|next|nxt|coming|following|last"
        rf"|past|previous)\s)?{_WD}{_PART}",
    ),
    ("daft", "td", r"(?:the\s)?day\safter\s(?:tomorrow|tmrw)"),
    (
        "rel",
        "ect2ntlsria",
        r"(?:(?:eod|cob|end\sof\s(?:the\s)?day)\s)?(?:today|tonight|tomorrow|tmrw|tmr|tmw"
        r"|2moro|2morrow|tomorow|tommorow|tommorrow|tonite)|now"
        r"|this\s(?:afternoon|morning|evening|aft|arvo|pm|am)"
        r"|later\stoday|straight\saway|right\saway|immediately"
        r"|(?:right\s|straight\s|just\s)?after\sthe\scall",
    ),
    ("endmon", "tec", rf"(?:the\s)?(?:end|close)\sof\s{_MON}(?!\w)"),
    (
        "endnext",
        "tec",
        rf"(?:the\s)?(?:end|close)\sof\s(?:the\s)?(?:next|nxt)\s(?:{_WK}|month|quarter)",
    ),
    (
        "endper",
        "tecbuat",
        rf"(?:the\s)?(?:end|close)\sof\s(?:the\s|this\s)?(?:{_WK}|month|mth|quarter|q[1-4]"
        r"|year|day|business\sday)|eow|eom|eoq|eoy|eod|cob|close\sof\sbusiness"
        # "by month end", "before quarter-end" (not "month-end close", "their year-end accounts")
        r"|(?:by|before|until|till|at)\s(?:the\s)?(?:month|quarter)[\s-]end(?![\w-])"
        r"(?!\s(?:close|closing|process|reporting|review|accounts|figures|numbers|audit))",
    ),
    ("ordnext", "t" + _DIGITS, rf"(?:the\s)?\d{{1,2}}{_ORD}\sof\snext\smonth"),
    # "the 14th", not "a 2nd demo", "the 3rd round" or "their 2nd OCS order": an ordinal before a
    # noun or after a possessive counts things, not days
    ("ordday", "t" + _DIGITS, rf"(?:the\s)?{_COUNTING}\d{{1,2}}{_ORD}(?!\w)(?!\s(?:{_COUNTED})\b)"),
    (
        "inn",
        "iwt" + _DIGITS,
        rf"(?:in|within)\s(?:the\s)?(?:next\s)?{_NUM}\s(?:business\s|working\s)?"
        r"(?:days?|weeks?|wks?|months?|mths?)|(?:\d{1,2}|two|three)\s(?:days?|weeks?|wks?)\sfrom\s"
        r"(?:now|today)",
    ),
    ("fort", "iaotf", r"(?:in\s)?(?:a|one|two)\sfortnight(?:'?s)?(?:\stime)?|fortnight"),
    (
        "vweeks",
        "iwtnafscr~oe" + _DIGITS,
        rf"(?:in\s|within\s)?(?:the\s)?(?:next\s)?(?:a\sfew|few|several|a\scouple"
        rf"(?:\sof)?|couple(?:\sof)?|about\s{_NUM}|around\s{_NUM}|approx\.?\s{_NUM}|roughly\s{_NUM}"
        rf"|~\s?{_NUM}|{_NUM}\s?(?:-|to|or)\s?{_NUM})\s(?:more\s)?(?:days?|{_WK}|months?|mths?)",
    ),
    ("weekafter", "t", rf"the\s{_WK}\safter\snext"),
    # A calendar week, as German, Dutch and Nordic notes count them: "KW 12", "bis Ende KW 40",
    # "in week 12" (a bare "week 2" of a pilot is no calendar week)
    (
        "calweek",
        "kcvubiefatdsmw",
        r"(?:(?:ende|eind|end\sof|bis|by|in|from|ab|vanaf|tot|uiterlijk|until|before|vor|voor"
        r"|for|during|anfang|mitte|begin|early|mid|start\sof)\s)?(?:kw|cw|kalenderwoche"
        rf"|vecka|uge|uke)(?<!\d\skw)(?<!\d\scw)\s?\d{{1,2}}(?:/(?:\d{{4}}|\d{{2}}))?{_CW_DAY}"
        r"|(?:ende|eind|end\sof|bis|by|in|from|ab|vanaf|tot|uiterlijk|until|before|voor|for"
        rf"|during|begin|early|mid|start\sof)\s(?:week|wk)\s?\d{{1,2}}(?:/(?:\d{{4}}|\d{{2}}))?{_CW_DAY}"
        r"(?!\s(?:of|and|to|-)\b)",
    ),
    # "holding #1530 for him til then": the date named before it
    ("then", "ut'", r"(?:until|till|til|'til)\sthen"),
    # "calls me the day after", "chase the week after", "calls her the Monday after": counted from
    # the date named before it
    # (dates.find_due_phrases), not from the call
    (
        "after",
        "t",
        rf"the\s(?:day|week|wk|{_WD})\safter(?!\s+(?:next|tomorrow|tmrw|the|that|this|it|his|her|their"
        r"|our|a|an|[a-z]+day|easter|christmas|xmas|\d))",
    ),
    # "I'll send the agenda the day before", "Tom's man clears the path the night before", "by
    # the Friday before so we can prep", "sensors at the depot the week before": counted back from
    # the date named before it. Only at a clause's end or before a joining word: "the day before
    # go-live" counts from a day this does not know.
    (
        "before",
        "t",
        rf"the\s(?:day|night|evening|afternoon|morning|week|wk|{_WD})\sbefore{_JOINS}",
    ),
    # train33: "two days after", "3 days before", "the following Monday", "the Friday of that
    # week": counted from the event named before
    (
        "counted",
        "tf2345a",
        rf"(?:two|three|four|five|[2-5]|a\scouple\sof)\sdays\s(?:before{_JOINS}|after{_ENDS})",
    ),
    ("following", "t", rf"the\sfollowing\s{_WD}\b"),
    ("thatweek", "tef", r"(?:the\s)?(?:friday|end)\s(?:of|in)\s(?:that|the\ssame|same)\sweek"),
    ("nextwk", "elsn", rf"(?:early\s|later\s|sometime\s|some\stime\s)?(?:next|nxt)\s{_WK}"),
    ("thiswk", "lst", rf"(?:later\s|sometime\s)?this\s{_WK}"),
    (
        "vague",
        "selntibdfuma",
        r"(?:sometime\s|some\stime\s|early\s|later\s|late\s)?(?:next|this)\s(?:month|"
        rf"quarter|year|fy|{_SEASON})|(?:in|by|during|for|until|before|after|from|early|late|mid"
        r"|start\sof|beginning\sof)\sq[1-4]|asap|soon|shortly|down\sthe\s(?:road|line)"
        r"|after\s(?:the\s)?(?:holidays|easter|christmas|xmas|summer|new\syear)|in\sthe\snew\syear"
        rf"|in\sthe\scoming\s(?:days|weeks|months)|later\s(?:this|in\sthe)\syear"
        rf"|in\s(?:the\s)?{_SEASON}|(?:mid|early|late)[\s-]{_MON}|in\s{_MON}",
    ),
    ("xlang", "lmjvsqtdehapnfuobcgrikwüöåyk" + _DIGITS, _XLANG),
)


def _compile(forms: tuple[tuple[str, str, str], ...]) -> re.Pattern[str]:
    body = "|".join(f"(?P<{kind}>{pattern})" for kind, _, pattern in forms)
    return re.compile(rf"(?:{body})(?![\w])")


# Lowercase, case-sensitive: matched on lowercased text, 3-5x faster than IGNORECASE.
_PATTERN = _compile(_FORMS)


def _kind(m: re.Match[str]) -> str:
    """Which form of date phrase matched (each form is one top-level named group)."""
    return m.lastgroup or ""
