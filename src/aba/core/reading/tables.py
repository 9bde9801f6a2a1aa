"""Rows of a pasted plan: "Date | Step | Owner | Status" tables and "Action: x | Owner: y | By: z".

Close plans and mutual action plans are pasted from a sheet or a notes app as rows of cells. Each
row names its owner, its step and its date in cells, not in a sentence, so the clause reader cannot
tell who owes what. Here the cells are told apart by a header row when there is one ("owner",
"step", "when"), else by what they hold (a date, a status word, a name in brackets). A row whose
status says it is done, or that it was agreed on an earlier call, is no promise of this call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CELL_SPLIT = re.compile(r"\s*\|\s*")
_ROLES = {
    "owner": re.compile(
        r"(?:owners?|who|responsible|assignee|assigned\sto|by\swhom|lead|party|side)$"
    ),
    "action": re.compile(
        r"(?:actions?|action\sitems?|steps?|next\ssteps?|tasks?|items?|what|deliverables?"
        r"|activit(?:y|ies)|milestones?|description)$"
    ),
    "when": re.compile(r"(?:dates?|when|due|due\sdate|by|by\swhen|deadline|target|timing|eta)$"),
    "status": re.compile(r"(?:status|state|done\??|progress|remarks?|notes?|comments?)$"),
}
# "Action: send the rate card | Owner: Riaan | By: Fri": one row, its cells keyed
_KEYED = re.compile(r"\s*(?P<key>[A-Za-z][A-Za-z ]{0,14}?)\s*:\s*(?P<val>.*?)\s*$", re.DOTALL)
# A status that closes a row: done before this call, or only carried over from an earlier one
_DONE = re.compile(
    r"(?:^|\b)(?:done|complete[d]?|closed|signed|cancell?ed|dropped|delivered|received|sent"
    r"|finished|n/a|carried\sover|from\s(?:the|our|last)\s[^|]{0,20}(?:call|meeting|mtg))\b"
    r"|[✅✔☑]",
    re.IGNORECASE,
)
_STATUS_WORD = re.compile(
    r"^(?:open|new|agreed(?:\stoday)?|added(?:\stoday)?|pending|tbc|tbd|to\sdo|todo|wip"
    r"|in\sprogress|not\sstarted|blocked|planned|scheduled|confirmed|at\srisk|on\strack)\b"
    r"|" + _DONE.pattern,
    re.IGNORECASE,
)
_DATE_CELL = re.compile(
    r"^(?:by\s|before\s|wk\sof\s|week\sof\s|w/c\s|between\s|on\s)?(?:\d{1,2}[/.-]\d{1,2}"
    r"|\d{4}-\d{2}-\d{2}|(?:mon|tue|wed|thu|fri|sat|sun)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)\w*\s\d|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|eow|eom|eoq|asap|today|tomorrow|tmrw|next\s\w+|end\sof\s\w+|q[1-4])",
    re.IGNORECASE,
)
_OWNER_CELL = re.compile(
    r"^(?:us|me|we|our\s\w+|them|both|customer|client|buyer"
    r"|[A-Z][A-Za-z&.'-]*(?:\s[A-Z][A-Za-z&.'-]*){0,3})(?:\s\([^()]{1,40}\))?"
    r"(?:\s?[+&/]\s?(?:me|us|our\s\w+|[A-Z]\w*(?:\s\([^()]{1,40}\))?))?$",
    re.IGNORECASE,
)
_OWN_WORDS = frozenset({"us", "me", "we", "our", "them", "both", "customer", "client", "buyer"})
_ROW_NUMBER = re.compile(r"^#?\d{1,2}\.?$")
_SEPARATOR = re.compile(r"^[\s|:+-]*$")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a plan: where it lies and its cells' spans in the note."""

    start: int
    end: int
    owner: str | None
    action: tuple[int, int]
    when: tuple[int, int] | None
    done: bool


def find_rows(text: str) -> list[Row]:
    """The plan rows of a note, in order (none when it has no "|" rows)."""
    if "|" not in text:
        return []
    rows: list[Row] = []
    header: dict[int, str] | None = None
    run: list[tuple[int, int, list[tuple[int, int]]]] = []  # header-less rows, read together
    for start, end in _lines(text):
        cells = _cells(text, start, end)
        if len(cells) < 2 or _SEPARATOR.match(text, start, end):
            if len(cells) < 2:
                rows += _headless(text, run)
                header, run = None, []
            continue
        keyed = _keyed_row(text, cells, start, end)
        if keyed is not None:
            rows.append(keyed)
            continue
        roles = _header(text, cells)
        if roles is not None:
            rows += _headless(text, run)
            header, run = roles, []
        elif header is not None:
            row = _row(text, cells, start, end, header)
            if row is not None:
                rows.append(row)
        else:
            run.append((start, end, cells))
    return rows + _headless(text, run)


def _headless(text: str, run: list[tuple[int, int, list[tuple[int, int]]]]) -> list[Row]:
    """Rows with no header: each column's role is what most of its cells hold."""
    if len(run) < 2:
        return []
    votes: dict[int, dict[str, int]] = {}
    for _, _, cells in run:
        for k, role in _cell_roles(text, cells).items():
            votes.setdefault(k, {}).setdefault(role, 0)
            votes[k][role] += 1
    header: dict[int, str] = {}
    for k in sorted(votes):
        role, n = max(votes[k].items(), key=lambda kv: kv[1])
        if role not in header.values() and n * 3 >= len(run):  # ("no date" in a date column)
            header[k] = role
    if "when" not in header.values() or "owner" not in header.values():
        return []  # a list of items, not a plan: a plan's rows are owned and dated
    out = []
    for start, end, cells in run:
        row = _row(text, cells, start, end, header)
        if row is not None:
            out.append(row)
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each cell's stripped span; a line with fewer than two bars is no row."""
    if text.count("|", start, end) < 2 and not (
        text.count("|", start, end) == 1 and ":" in text[start:end]
    ):
        return []
    spans, at = [], start
    for m in _CELL_SPLIT.finditer(text, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _role(cell: str) -> str | None:
    key = " ".join(cell.lower().replace("*", "").split())
    return next((role for role, rx in _ROLES.items() if rx.match(key)), None)


def _header(text: str, cells: list[tuple[int, int]]) -> dict[int, str] | None:
    """Column roles when the row is a header ("Date | Step | Owner | Status")."""
    roles = {k: _role(text[a:b]) for k, (a, b) in enumerate(cells)}
    named = {k: r for k, r in roles.items() if r}
    if len(named) >= 2 and len(named) >= len(cells) - 1 and "action" in named.values():
        return named
    return None


def _keyed_row(text: str, cells: list[tuple[int, int]], start: int, end: int) -> Row | None:
    """ "Action: x | Owner: y | By: z": every cell says its own role."""
    parts: dict[str, tuple[int, int]] = {}
    for a, b in cells:
        m = _KEYED.match(text, a, b)
        if not m:
            return None
        role = _role(m.group("key"))
        if role is None:
            return None
        parts[role] = (a + m.start("val") - m.start(), a + m.end("val") - m.start())
    if "action" not in parts or ("owner" not in parts and "when" not in parts):
        return None
    status = text[slice(*parts["status"])] if "status" in parts else ""
    owner = text[slice(*parts["owner"])] if "owner" in parts else None
    return Row(start, end, owner, parts["action"], parts.get("when"), bool(_DONE.search(status)))


def _cell_roles(text: str, cells: list[tuple[int, int]]) -> dict[int, str]:
    """What each cell of a header-less row holds: a date, a status, an owner, the step."""
    roles: dict[int, str] = {}
    rest = []
    for k, span in enumerate(cells):
        cell = text[slice(*span)]
        if _ROW_NUMBER.match(cell):
            continue
        if "when" not in roles.values() and _DATE_CELL.match(cell) and len(cell) <= 30:
            roles[k] = "when"
        elif "status" not in roles.values() and _STATUS_WORD.match(cell) and len(cell) <= 40:
            roles[k] = "status"
        else:
            rest.append(k)
    owners = [
        k
        for k in rest
        if _OWNER_CELL.match(text[slice(*cells[k])])
        and _role(text[slice(*cells[k])]) is None
        and (text[cells[k][0]].isupper() or text[slice(*cells[k])].lower().split()[0] in _OWN_WORDS)
    ]
    if owners:
        roles[owners[-1] if len(rest) > 1 else owners[0]] = "owner"
    left = [k for k in rest if k not in roles]
    if left:
        roles[max(left, key=lambda k: cells[k][1] - cells[k][0])] = "action"
    return roles


def _row(
    text: str,
    cells: list[tuple[int, int]],
    start: int,
    end: int,
    header: dict[int, str],
) -> Row | None:
    """One table row, its cells told apart by the header's column roles."""
    roles = {header[k]: span for k, span in enumerate(cells) if k in header}
    if "action" not in roles or "owner" not in roles:
        return None
    status = text[slice(*roles["status"])] if "status" in roles else ""
    return Row(
        start,
        end,
        text[slice(*roles["owner"])],
        roles["action"],
        roles.get("when"),
        bool(_DONE.search(status)),
    )
