"""Learn a stage's stall threshold from won and lost deals: how long without an advance before a
deal's chance of winning has halved.

Each sample is one closed deal: the days between its last advance (or its creation) and the
decision, and whether it was won. The win rate of the deals that went more than `d` days without
an advance (the tail beyond d) falls as d grows; the proposed threshold is the smallest d where
that rate drops below half the stage's baseline win rate. Tails, rather than single buckets, keep
the estimate stable on small samples; a Wilson interval says whether the drop is real.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

MIN_SAMPLES = 30  # closed deals in a stage before anything is learned
MIN_TAIL = 10  # deals beyond a candidate threshold for its win rate to count
BUCKET_DAYS = 7
MAX_DAYS = 120


@dataclass(frozen=True, slots=True)
class Sample:
    days: int  # days from the last advance (or creation) to the decision
    won: bool


@dataclass(frozen=True, slots=True)
class Bucket:
    """Deals decided `start`..`end` days (inclusive; end None: and beyond) after an advance."""

    start: int
    end: int | None
    n: int
    wins: int

    @property
    def rate(self) -> float | None:
        return self.wins / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.wins, self.n)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A stage's learned threshold, or the default with the reason nothing was learned."""

    n: int
    wins: int
    baseline: float | None
    threshold_days: int
    learned: bool
    confidence: str  # "high", "medium" or "none" (fell back to the default)
    note: str
    buckets: tuple[Bucket, ...]
    tail_n: int = 0  # deals beyond the threshold
    tail_rate: float | None = None
    tail_interval: tuple[float, float] | None = None


def wilson(wins: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion: honest at small n and near 0 or 1."""
    if n == 0:
        return (0.0, 1.0)
    p = wins / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def buckets(
    samples: Iterable[Sample], *, width: int = BUCKET_DAYS, max_days: int = MAX_DAYS
) -> tuple[Bucket, ...]:
    """Win counts per band of days since the last advance, the last band open-ended."""
    edges = list(range(0, max_days, width))
    n = [0] * (len(edges) + 1)
    wins = [0] * (len(edges) + 1)
    for s in samples:
        i = min(max(s.days, 0) // width, len(edges))
        n[i] += 1
        wins[i] += s.won
    out = [Bucket(e, e + width - 1, n[i], wins[i]) for i, e in enumerate(edges)]
    out.append(Bucket(len(edges) * width, None, n[-1], wins[-1]))
    return tuple(out)


def learn_threshold(
    samples: Iterable[Sample],
    *,
    default_days: int,
    min_samples: int = MIN_SAMPLES,
    min_tail: int = MIN_TAIL,
    width: int = BUCKET_DAYS,
    max_days: int = MAX_DAYS,
) -> Proposal:
    """Propose a threshold from one stage's closed deals, or fall back to `default_days`."""
    data = sorted(samples, key=lambda s: s.days)
    total, total_wins = len(data), sum(s.won for s in data)
    shape = buckets(data, width=width, max_days=max_days)

    def fallback(note: str) -> Proposal:
        baseline = total_wins / total if total else None
        return Proposal(total, total_wins, baseline, default_days, False, "none", note, shape)

    if total < min_samples:
        return fallback(f"only {total} closed deals (needs {min_samples}): default kept")
    if total_wins == 0:
        return fallback("no won deals to compare with: default kept")
    baseline = total_wins / total
    # Tail counts beyond each day d, from the largest d down (one pass over sorted samples).
    tail_n = [0] * (max_days + 2)
    tail_wins = [0] * (max_days + 2)
    for s in data:
        upto = min(max(s.days, 0), max_days + 1)  # the sample is in the tail of every d < days
        tail_n[upto] += 1
        tail_wins[upto] += s.won
    for d in range(max_days, -1, -1):
        tail_n[d] += tail_n[d + 1]
        tail_wins[d] += tail_wins[d + 1]
    for d in range(1, max_days + 1):
        n, wins = tail_n[d + 1], tail_wins[d + 1]  # deals with more than d days
        if n < min_tail:
            break
        rate = wins / n
        if rate < baseline / 2:
            low, high = wilson(wins, n)
            if high >= baseline:
                return fallback(
                    f"win rate after {d} days ({rate:.0%} of {n}) is not clearly below the "
                    f"baseline {baseline:.0%}: default kept"
                )
            confidence = "high" if n >= min_samples and high < baseline * 0.75 else "medium"
            note = (
                f"deals more than {d} days without an advance won {rate:.0%} ({wins}/{n}, 95% "
                f"{low:.0%}-{high:.0%}) against {baseline:.0%} for the stage"
            )
            return Proposal(
                total, total_wins, baseline, d, True, confidence, note, shape, n, rate, (low, high)
            )
    return fallback(
        f"win rate never fell below half the baseline ({baseline:.0%}) within {max_days} days "
        "with enough deals: default kept"
    )
