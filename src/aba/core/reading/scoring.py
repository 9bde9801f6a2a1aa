"""How a reader's labels compare with gold labels: the figures bench/read.py and
scripts/train_reader.py report, computed in one place so both report the same thing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# The labelled corpus files (tests/data/notes/NAME.jsonl) the reader is trained on, in the order
# the shipped models were trained; anything else there is held out.
TRAIN_SPLITS = (
    "train",
    "train_more",
    "train3",
    "train4",
    "train5",
    "train6",
    "train7",
    "train8",
    "train9",
    "train10",
    "train11",
    "train12",
    "train13",
    "train14",
    "train15",
    "train16",
    "train17",
    "train18",
    "train19",
    "train20",
    "train21",
    "train22",
    "train23",
    "train24",
    "train25",
    "train26",
    "train27",
    "train28",
    "train29",
    "train30",
    "train31",
    "train32",
    "train33",
    "train34",
    "train36",  # (train35, written to measure a session's end, became heldout3)
    "train37",
    "train38",
    "train39",
)

PerClass = dict[str, tuple[float, float, int]]  # class -> (precision, recall, support)


def macro_f1(pairs: Sequence[tuple[str, str]], classes: Sequence[str]) -> tuple[float, PerClass]:
    """Macro-averaged F1 over `classes` of (gold, predicted) pairs, and each class's figures.

    A class neither in the gold nor predicted is left out of the average.
    """
    per: PerClass = {}
    f1s = []
    for c in classes:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        per[c] = (prec, rec, tp + fn)
    return (sum(f1s) / len(f1s) if f1s else 0.0), per


def gold_given(value: Any) -> bool:
    """The gold 'value' field says whether value was given, as a bool or {"given": ...}."""
    return bool(value.get("given")) if isinstance(value, dict) else bool(value)


def gold_dated(note: dict[str, Any]) -> list[tuple[str, str]]:
    """(party, ISO due date) of each gold commitment of a note that has a due date."""
    return [(c["party"], c["due"]) for c in note.get("commitments") or [] if c.get("due")]


def dated_counts(
    gold: Sequence[tuple[str, str]], read: Sequence[tuple[str, str]]
) -> tuple[int, int]:
    """(gold pairs read, read pairs in the gold) of (party, due date) pairs: the numerators of
    due-date recall (over `len(gold)`) and precision (over `len(read)`)."""
    return sum(1 for g in gold if g in read), sum(1 for p in read if p in gold)
