"""What each date form costs the date scanner, on the train notes.

    python bench/date_forms.py [--splits train train_more train3 train10] [--repeat 5]

The date finder scans a note once with every form of `dates_forms._FORMS` regrouped into one
pattern. Each form added costs every note a little, whether or not it matches. This prints the
scan time per note with all forms, then how much less it takes with each form left out (best of
`--repeat` runs; figures under about 0.3 us are noise on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aba.core.dates import lower_same_length  # noqa: E402
from aba.core.dates_forms import _FORMS  # noqa: E402
from aba.core.reading.fastrx import regroup  # noqa: E402

NOTES = ROOT / "tests" / "data" / "notes"


def scanner(forms: tuple[tuple[str, str, str], ...]) -> re.Pattern[str]:
    """The date finder's one pattern, built as `dates._scanner` builds it."""
    body = regroup("|".join(f"(?:{pattern})" for _, _, pattern in forms))
    return re.compile(rf"(?<![\w/.-])(?:{body})(?![\w])")


def per_note(rx: re.Pattern[str], lows: list[str], repeat: int) -> float:
    """Microseconds a note to find every match, best of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for low in lows:
            for _ in rx.finditer(low):
                pass
        best = min(best, time.perf_counter() - start)
    return best * 1e6 / max(1, len(lows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["train", "train_more", "train3", "train10"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    lows = [
        lower_same_length(json.loads(line)["text"])
        for split in args.splits
        for line in (NOTES / f"{split}.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    whole = per_note(scanner(_FORMS), lows, args.repeat)
    print(f"{len(lows)} notes, all {len(_FORMS)} forms: {whole:.1f} us a note")
    for kind, _, _ in _FORMS:
        rest = tuple(f for f in _FORMS if f[0] != kind)
        print(f"  without {kind:10s} {whole - per_note(scanner(rest), lows, args.repeat):+5.1f} us")


if __name__ == "__main__":
    main()
