"""How well and how fast aba reads call notes, on a labelled split of the corpus.

    python bench/read.py [--split heldout|heldout2|heldout3|train|train_more|train3|all-train|NAME]
                         [--errors]

Prints outcome macro-F1 with per-class precision/recall, stall accuracy, due-date accuracy (the
gold dated commitments read with their party and date) and precision (the dated commitments read
that the gold has), asked and value accuracy, notes per second, and how many stalled calls two
rules that CRMs use today would catch beside aba. `--split NAME` reads
tests/data/notes/NAME.jsonl; `all-train` merges every train split (train, train_more, train3 to
train39). `--errors` lists misread notes, on train splits only: the held-out splits are the honest
test and are reported in aggregate only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aba.core.reading import Reading, read_note  # noqa: E402
from aba.core.reading.scoring import (  # noqa: E402
    TRAIN_SPLITS,
    dated_counts,
    gold_dated,
    gold_given,
    macro_f1,
)
from aba.core.vocabulary import Outcome  # noqa: E402

NOTES = ROOT / "tests" / "data" / "notes"
CLASSES = [str(o) for o in Outcome]


def is_train(split: str) -> bool:
    """Train splits may be inspected note by note; anything else (held-out) only in aggregate."""
    return split == "all-train" or split.startswith("train")


def load(split: str) -> list[dict[str, Any]]:
    if split == "all-train":
        return [n for s in TRAIN_SPLITS if (NOTES / f"{s}.jsonl").exists() for n in load(s)]
    if not split or "/" in split or "\\" in split or split.startswith("."):
        raise SystemExit(f"bad split name {split!r}: give a file name in {NOTES}, without .jsonl")
    path = NOTES / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"no corpus at {path}: write it first (see tests/data/notes/README.md)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def due_counts(note: dict[str, Any], reading: Reading) -> tuple[int, int, int, int]:
    """(gold dated commitments read with their party and date, gold dated commitments, dated
    commitments read that the gold has, dated commitments read)."""
    gold = gold_dated(note)
    read = [(str(c.party), c.due.isoformat()) for c in reading.commitments if c.due]
    found, right = dated_counts(gold, read)
    return found, len(gold), right, len(read)


def speed(notes: list[dict[str, Any]], dates: list[dt.date]) -> tuple[float, float]:
    """Notes per second on one process, reading the whole split for at least two seconds.

    Returns (wall-clock rate, CPU-time rate): on a shared, loaded machine the wall clock also
    counts time the process spent waiting for a core, so both are shown.
    """
    count = 0
    start, cpu = time.perf_counter(), time.process_time()
    while True:
        for note, day in zip(notes, dates, strict=True):
            read_note(note["text"], day)
        count += len(notes)
        elapsed = time.perf_counter() - start
        if elapsed >= 2.0:
            return count / elapsed, count / max(1e-9, time.process_time() - cpu)


def baselines(notes: list[dict[str, Any]], readings: list[Reading]) -> None:
    """Stalled calls caught, and advances wrongly flagged, by two CRM rules and by aba."""
    conts = [n for n in notes if n["outcome"] == "continuation"]
    advs = [n for n in notes if n["outcome"] in ("advance", "order")]
    adv_only = [n for n in notes if n["outcome"] == "advance"]

    def dated(n: dict[str, Any]) -> bool:
        return any(c.get("due") for c in n.get("commitments") or [])

    def any_step(n: dict[str, Any]) -> bool:
        return bool(n.get("commitments"))

    by_id = {id(n): r for n, r in zip(notes, readings, strict=True)}
    aba_caught = sum(
        1 for n in conts if by_id[id(n)].outcome in (Outcome.CONTINUATION, Outcome.NO_SALE)
    )
    aba_flagged = sum(1 for n in advs if by_id[id(n)].outcome is Outcome.CONTINUATION)
    rows = [
        ("rule 1: a next activity is scheduled",
         sum(1 for n in conts if not dated(n)), sum(1 for n in adv_only if not dated(n))),
        ("rule 2: the next-step field is filled",
         sum(1 for n in conts if not any_step(n)), sum(1 for n in adv_only if not any_step(n))),
        ("aba", aba_caught, aba_flagged),
    ]  # fmt: skip
    print(
        f"\nstalled calls ({len(conts)} gold continuations; {len(adv_only)} gold advances, "
        f"{len(advs)} advances+orders for aba)"
    )
    print(f"  {'':40} {'caught':>8} {'advances wrongly flagged':>26}")
    for name, caught, flagged in rows:
        print(f"  {name:40} {caught:>4}/{len(conts):<4}{flagged:>16}")


def show_errors(notes: list[dict[str, Any]], readings: list[Reading]) -> None:
    for n, r in zip(notes, readings, strict=True):
        problems = []
        if str(r.outcome) != n["outcome"]:
            problems.append(f"outcome {r.outcome} (gold {n['outcome']})")
        if n["outcome"] == "continuation" and str(r.stall) != str(n.get("stall")):
            problems.append(f"stall {r.stall} (gold {n.get('stall')})")
        m, t, _, _ = due_counts(n, r)
        if m < t:
            problems.append(f"due {m}/{t}")
        if r.asked != bool(n.get("asked")):
            problems.append(f"asked {r.asked}")
        if r.value.given != gold_given(n.get("value")):
            problems.append(f"value {r.value.given}")
        if not problems:
            continue
        print(f"--- {n['id']} [{n['date']}] {'; '.join(problems)}")
        print("   ", n["text"].replace("\n", "\n    "))
        gold = [(c["party"], c.get("who"), c.get("action"), c.get("due"))
                for c in n.get("commitments") or []]  # fmt: skip
        got = [(str(c.party), c.who, c.action, c.due and c.due.isoformat(), c.due_text)
               for c in r.commitments]  # fmt: skip
        print("    gold:", gold)
        print("    read:", got)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default="heldout",
        help="a file name in tests/data/notes/ (no .jsonl), or all-train",
    )
    parser.add_argument("--errors", action="store_true", help="list misread notes (train only)")
    args = parser.parse_args()
    if args.errors and not is_train(args.split):
        raise SystemExit("--errors is for the train split only: held-out stays unseen")
    notes = load(args.split)
    dates = [dt.date.fromisoformat(n["date"]) for n in notes]
    readings = [read_note(n["text"], d) for n, d in zip(notes, dates, strict=True)]
    if args.errors:
        show_errors(notes, readings)

    pairs = [(n["outcome"], str(r.outcome)) for n, r in zip(notes, readings, strict=True)]
    f1, per = macro_f1(pairs, CLASSES)
    print(f"split {args.split}: {len(notes)} notes")
    print(f"outcome macro-F1      {f1:.3f}")
    for c, (p, r, s) in per.items():
        print(f"  {c:14} precision {p:.3f}  recall {r:.3f}  (n={s})")
    conts = [(n, r) for n, r in zip(notes, readings, strict=True) if n["outcome"] == "continuation"]
    stall_ok = sum(1 for n, r in conts if str(r.stall) == str(n.get("stall")))
    print(
        f"stall accuracy        {stall_ok / max(1, len(conts)):.3f}  (over {len(conts)} "
        "gold continuations)"
    )
    totals = [0, 0, 0, 0]  # as due_counts gives them, summed over the split
    for n, r in zip(notes, readings, strict=True):
        totals = [a + b for a, b in zip(totals, due_counts(n, r), strict=True)]
    found, gold_n, right, read_n = totals
    recall = found / max(1, gold_n)
    print(f"due-date accuracy     {recall:.3f}  (over {gold_n} dated gold commitments)")
    print(f"due-date precision    {right / max(1, read_n):.3f}  (of {read_n} dated read)")
    asked_ok = sum(1 for n, r in zip(notes, readings, strict=True)
                   if r.asked == bool(n.get("asked")))  # fmt: skip
    value_ok = sum(1 for n, r in zip(notes, readings, strict=True)
                   if r.value.given == gold_given(n.get("value")))  # fmt: skip
    print(f"asked accuracy        {asked_ok / max(1, len(notes)):.3f}")
    print(f"value accuracy        {value_ok / max(1, len(notes)):.3f}")
    wall, cpu = speed(notes, dates)
    print(
        f"speed                 {wall:,.0f} notes/s wall clock, {cpu:,.0f} notes/s CPU time "
        "(one process)"
    )
    baselines(notes, readings)


if __name__ == "__main__":
    main()
