"""Cut a note into clauses with their offsets, so every judgement can point back at the text.

Notes are bullets, fragments and run-on sentences; we split on line breaks, sentence ends,
semicolons, and on a conjunction or comma that starts a new subject ("..., and I'll send"), because
each of those usually carries its own commitment. Long stretches without punctuation are cut into
bounded pieces so the work per clause stays bounded.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from aba.core.reading.lexicon import TITLES

MAX_CLAUSE = 400

# Sentence ends: a line break, a bullet, ".!?;" followed by a space, " - " used as a dash, or a
# slash or arrow between a phone note's steps.
_MONTH_ABBREVS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH_NAMES = (
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_BULLET = r"(?:[-*•·●▪–—>]+\s*|\d{1,2}[.)]\s+)?"
_ABBREV = (
    # an initial ("J. Smith"), not the "t." of "isn't."
    r"(?<!(?<![\w'])[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
    + "".join(f"(?<!\\b{a}\\.)" for a in (*TITLES, "etc", "vs", "approx", "St", "incl"))
    # "Mar. 21": a month's abbreviation before a day is no sentence end ("in Oct. Sending" is one)
    + "".join(f"(?!(?<=\\b{m}\\.)\\s*\\d)(?!(?<=\\b{m.lower()}\\.)\\s*\\d)" for m in _MONTH_ABBREVS)
    # "Call-off no. 7", "PO No. 4411": a number's abbreviation
    + "".join(f"(?!(?<=\\b{m}\\.)\\s*\\d)" for m in ("no", "No", "NO", "nr", "Nr"))
)
# "Termin Di 10. mit Herrn Kessler", "am Dienstag, den 10.": a German day number's dot ends nothing
_GERMAN_DAY_WORDS = (
    "Mo", "Di", "Mi", "Do", "Fr", "Sa", "am", "Am", "bis", "Bis", "den", "vom", "zum", "ab",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
)  # fmt: skip
_DAY_DOT = (
    "(?!(?<=\\d\\.)(?:"
    + "|".join(
        f"(?<=\\b{w}{sep}\\d{digits}\\.)"
        for w in _GERMAN_DAY_WORDS
        for sep in (" ", ", ")
        for digits in ("", "\\d")
    )
    + "))"
)  # tried only after a digit's dot
# "on March 12. She'll..." ends a sentence after a date, not before an inline "12." list item.
_NOT_A_MONTH = "".join(
    f"(?<!{m} )(?<!{m.lower()} )"
    for m in (*_MONTH_ABBREVS, "May", *_MONTH_NAMES, "the", *_GERMAN_DAY_WORDS)
)
_END = r"[.!?…]*+[\"')\]]*+\s+"
# Every alternative starts with a literal character so the engine can skip ordinary text fast.
_SENTENCE_BREAK = re.compile(
    rf"\n[\r\n]*\s*{_BULLET}|\r[\r\n]*\s*{_BULLET}"
    rf"|!(?<![.!?…]!){_END}|\?(?<![.!?…]\?){_END}|…(?<![.!?…]…){_END}"
    rf"|\.(?<![.!?…]\.){_ABBREV}{_DAY_DOT}{_END}"
    r"|;(?<![Tt][Ll];)\s*| [-–—|]{1,2}\s+|\t[-–—|]{1,2}\s+|•\s*|·\s*|●\s*|▪\s*|\|\s*"
    # a phone note's steps run on a line: "she sends rosters fri / me: quote by tues", "-> demo"
    r"| /\s+(?=(?:me|i|we|she|he|they|our|their|his|her|[a-z]+(?:'s)?\s(?:sends?|gets?|books?"
    r"|brings?|does|runs?|to|will|'ll)|demo|call|visit|trial|site|training|check-in|kickoff|mtg"
    r"|meeting|review|readout|install|delivery)\b)"
    r"| -?>\s+(?!(?:not|no|yes|maybe|nope|yep|yeah|nah)\b)| →\s+"  # ("asked for X -> not yet")
    rf"| \(?\d{{1,2}}\)\s+| (?=\d{{1,2}}\.\s){_NOT_A_MONTH}\d{{1,2}}\.\s+(?=[A-Za-z])"
)

# An emoji ends a thought ("🙌 Sending it"). Notes seldom hold one, and a class that leads an
# alternative is tried at every character, so this pattern is used only when the note has one.
_EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf]"
_HAS_EMOJI = re.compile(_EMOJI)
_SENTENCE_BREAK_EMOJI = re.compile(rf"{_SENTENCE_BREAK.pattern}|{_EMOJI}\ufe0f?\s+")

_SUBJECT = (
    r"(?:I|i|I'm|I've|I'll|we|We|we'll|We'll|she|She|he|He|they|They|they'll|They'll|she'll"
    r"|She'll|he'll|He'll|[A-Z][a-z]{1,15}(?:\s[A-Z][a-z]{1,15})?"
    r"|(?:their|Their|his|His|her|Her)\s\w+(?:\s[A-Z][a-z]{1,15})?"
    r"|the\s(?:customer|client|prospect|buyer|CFO|CEO|CTO|CIO|team)|(?:CFO|CEO|CTO|CIO|VP|IT)"
    r"|procurement|Procurement|legal|Legal|me|Me)"
)
# A new clause starts at a conjunction or comma followed by a subject and a verb-ish word.
_CLAUSE_BREAK = re.compile(
    rf"(?:,\s*(?:and|but|so|then|while|though|although|whereas)?|\s(?:and|but|so|then|while|"
    rf"whereas|although|though)),?\s+(?=(?:also\s|then\s)?{_SUBJECT}(?:['’]ll|\s(?:will|won't|"
    rf"would|wouldn't|agreed|to|is|are|was|were|said|asked|promised|committed|can|could|might|"
    rf"may|should|need|needs|has|have|had|did|didn't|does|doesn't|wants|loved|liked|thinks|"
    rf"declined|signed|sent|booked|set|mentioned|told|confirmed|chose|went"
    # "site walk thurs 7am w/ Dale, i send spec sheets tmrw": our step in the present
    rf"|send|sends|bring|brings|prep|preps|email|emails|owe|owes|ship|ships|drop|drops|draft)\b))"
    # ", I'm dropping 2 cases Tues", ", I'm back on site the 3rd": a new subject with its own
    # progressive or whereabouts
    r"|,\s*(?:and\s|but\s|so\s)?(?=(?:I'm|i'm|im|we're|We're|she's|She's|he's|He's|they're"
    r"|They're)\s(?:\w+ing|back|due|off|out|away|over|round|onsite|on\ssite)\b)"
    # ", and if it works they'll buy": a condition after a comma binds what follows, not before
    r"|,\s*(?:and\s|but\s|so\s)?(?=(?:if|unless|provided|assuming)\s)"
)
_LABEL = re.compile(
    r"(?:(?:agreed|our|the)\s+)?(?:tl;?dr|next\s+steps?|action\s+items?|actions?|todo|to\s+do"
    r"|ns|nxt|follow[- ]?up|outcome|result|summary|notes?|agreed|nba|next\s+best\s+action|next"
    r"|a)\s*(?:[:\-–→]|->)\s*"
    r"|\[(?:call|result|next|outcome|notes?|action)\]\s*",  # "[result] agreed to a pilot"
    re.IGNORECASE,
)
_LABEL_ENDS = ":-–→["  # every `_LABEL` match holds one


class Clause(NamedTuple):
    """A piece of the note with its offsets; `sentence` numbers the sentence it came from."""

    start: int
    end: int
    text: str
    sentence: int


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most MAX_CLAUSE characters, at spaces where possible."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_CLAUSE:
        cut = text.rfind(" ", start + MAX_CLAUSE // 2, start + MAX_CLAUSE)
        cut = cut if cut > start else start + MAX_CLAUSE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


# Every character `str.isspace` accepts (all sit below U+3001), for `str.strip`'s C loop.
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_LEAD_JUNK = _SPACES + "-*•,:–—>"
_TAIL_JUNK = _SPACES + ",.;:!?"


def split_clauses(text: str) -> list[Clause]:
    """Clauses of `text` in order, each with its [start, end) offsets into `text`."""
    clauses: list[Clause] = []
    pos = 0
    bounds: list[tuple[int, int]] = []
    emoji = not text.isascii() and _HAS_EMOJI.search(text)  # most notes are plain ASCII
    breaks = _SENTENCE_BREAK_EMOJI if emoji else _SENTENCE_BREAK
    # A label ends in one of these; a third of notes hold none, and need no label match.
    labels = any(ch in text for ch in _LABEL_ENDS)
    for m in breaks.finditer(text):
        g = m.group()
        if ("-" in g or "–" in g or "—" in g) and _is_label_dash(text, pos, m, g):
            continue  # "Dana - send the specs": the dash names who owes the action
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    for sentence, (s_start, s_end) in enumerate(bounds):
        for p_start, p_end in _pieces(text, s_start, s_end):
            label = _LABEL.match(text, p_start, p_end) if labels else None
            c_pos = label.end() if label else p_start
            for m in _CLAUSE_BREAK.finditer(text, c_pos, p_end):
                _add(clauses, text, c_pos, m.start(), sentence)
                c_pos = m.end()
            _add(clauses, text, c_pos, p_end, sentence)
    return clauses


def _is_label_dash(text: str, pos: int, m: re.Match[str], g: str) -> bool:
    """Whether break `m` (text `g`, holding a dash) follows a short label: "Dana - send"."""
    if "\n" in g or "\r" in g or "–" in text[m.start() - 1 : m.start()]:
        return False
    head = text[pos : m.start()].strip(" -*•")
    return 0 < len(head) <= 25 and head.count(" ") <= 2


def _add(clauses: list[Clause], text: str, start: int, end: int, sentence: int) -> None:
    """Append text[start:end] as a clause, without the spaces and punctuation around it.

    `str.lstrip`/`rstrip` do the trimming in C: a character-by-character loop cost 2x more.
    """
    piece = text[start:end]
    body = piece.lstrip(_LEAD_JUNK)
    words = body.rstrip(_TAIL_JUNK)
    if words:
        start += len(piece) - len(body)
        clauses.append(Clause(start, start + len(words), words, sentence))
