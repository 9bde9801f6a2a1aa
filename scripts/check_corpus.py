"""Check the labelled call-note corpus against the rules in tests/data/notes/README*.md.

    python scripts/check_corpus.py [FILE.jsonl ...]   (default: every corpus file)

Prints one line per problem, naming file, line and field, and exits 1 if there is any. The same
checks run in the test suite, so a hand-written batch that breaks the labelling rules cannot land.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "tests" / "data" / "notes"
KEYS = ["id", "date", "text", "outcome", "stall", "asked", "value", "commitments", "tags"]
OUTCOMES = {"order", "advance", "continuation", "no_sale"}
STALLS = {"waiting_on_prospect", "rep_followup_only", "no_next_step"}
REASONS = {"competitor", "cancelled", "not_interested", "do_not_contact", "budget_gone"}
TAGS = REASONS | {
    "shorthand",
    "bullets",
    "long",
    "multi",
    "dates",
    "vague_dates",
    "typos",
    "british",
    "american",
    "earlier_commitment",
    "negation",
    "hedge",
    "conditional",
    "third_party",
    "enthusiastic_nothing",
    "reorder",
    "one_liner",
    "template",
    "email_style",
    "dictated",
    "non_native",
    "times",
}
COMMITMENT_KEYS = ["party", "who", "action", "due", "vague"]


def note_problems(note: dict, where: str) -> list[str]:
    """Every rule the note breaks, each as 'where field: problem'."""
    out: list[str] = []

    def bad(field: str, problem: str) -> None:
        out.append(f"{where} {field}: {problem}")

    if list(note) != KEYS:
        bad("keys", f"expected {KEYS}, got {list(note)}")
        return out
    try:
        day = dt.date.fromisoformat(note["date"])
    except (TypeError, ValueError):
        bad("date", f"not an ISO date: {note['date']!r}")
        return out
    if day.weekday() > 4 or not 2025 <= day.year <= 2026:
        bad("date", f"{day} is not a weekday in 2025-2026")
    if not isinstance(note["text"], str) or not note["text"].strip():
        bad("text", "empty")
    elif len(note["text"].split()) > 400:
        bad("text", "more than 400 words")
    outcome, stall, tags = note["outcome"], note["stall"], note["tags"]
    if outcome not in OUTCOMES:
        bad("outcome", repr(outcome))
    wrong_stall = stall is not None and stall not in STALLS
    if (stall is None) != (outcome != "continuation") or wrong_stall:
        bad("stall", f"{stall!r} with outcome {outcome!r}")
    for key in ("asked", "value"):
        if not isinstance(note[key], bool):
            bad(key, f"not a boolean: {note[key]!r}")
    unknown = set(tags) - TAGS
    if unknown:
        bad("tags", f"unknown {sorted(unknown)}")
    if outcome == "no_sale" and not REASONS & set(tags):
        bad("tags", "no_sale without a reason tag")
    if outcome != "no_sale" and REASONS & set(tags):
        bad("tags", f"reason tag on a {outcome} note")
    commitments = note["commitments"]
    parties = set()
    for i, c in enumerate(commitments, 1):
        out.extend(commitment_problems(c, day, f"{where} commitment {i}"))
        parties.add(c.get("party"))
    if outcome == "advance" and "customer" not in parties:
        bad("commitments", "an advance needs a customer commitment")
    if stall == "rep_followup_only" and "rep" not in parties:
        bad("commitments", "rep_followup_only needs a rep commitment")
    if stall == "no_next_step" and commitments:
        bad("commitments", "no_next_step must have none")
    firm = any(c.get("due") and not c.get("vague") for c in commitments)
    if ("dates" in tags) != firm:
        bad("tags", f"'dates' tag is {'dates' in tags} but a firm due date is {firm}")
    if "long" in tags and len(note["text"].split()) < 150:
        bad("tags", "'long' on a note under 150 words")
    if "multi" in tags and (len(commitments) < 3 or parties != {"customer", "rep"}):
        bad("tags", "'multi' needs 3+ commitments from both parties")
    return out


def commitment_problems(c: dict, day: dt.date, where: str) -> list[str]:
    if list(c) != COMMITMENT_KEYS:
        return [f"{where}: keys should be {COMMITMENT_KEYS}, got {list(c)}"]
    out = []
    if c["party"] not in ("customer", "rep"):
        out.append(f"{where} party: {c['party']!r}")
    if c["who"] is not None and (not isinstance(c["who"], str) or not c["who"].strip()):
        out.append(f"{where} who: {c['who']!r}")
    if not isinstance(c["action"], str) or not c["action"].strip():
        out.append(f"{where} action: empty")
    if not isinstance(c["vague"], bool):
        out.append(f"{where} vague: not a boolean")
    if c["due"] is None:
        if c["vague"] is not True:
            out.append(f"{where} due: null due must be vague")
    else:
        try:
            due = dt.date.fromisoformat(c["due"])
        except (TypeError, ValueError):
            return [*out, f"{where} due: not an ISO date: {c['due']!r}"]
        if due < day:
            out.append(f"{where} due: {due} is before the call date {day}")
    return out


def file_problems(path: Path) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            note = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(f"{where}: not JSON ({exc})")
            continue
        if note.get("id") in seen:
            out.append(f"{where} id: duplicate {note.get('id')!r}")
        seen.add(note.get("id"))
        out.extend(note_problems(note, f"{where} ({note.get('id')})"))
    return out


def texts(paths: Iterable[Path]) -> dict[str, list[str]]:
    """Where each note text appears, to catch a note copied into two splits."""
    where: dict[str, list[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                where.setdefault(json.loads(line)["text"].strip(), []).append(path.name)
    return where


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(NOTES.glob("*.jsonl"))
    problems = [p for path in paths for p in file_problems(path)]
    dupes = [(t, f) for t, f in texts(paths).items() if len(f) > 1]
    problems += [f"text in {sorted(set(f))}: {t[:60]!r}" for t, f in dupes]
    for p in problems:
        print(p)
    print(f"{len(problems)} problems in {len(paths)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
