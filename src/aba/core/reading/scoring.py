"""How a reader's labels compare with gold labels: the figures bench/read.py and
scripts/train_reader.py report, computed in one place so both report the same thing."""

from __future__ import annotations

from collections.abc import Sequence

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
