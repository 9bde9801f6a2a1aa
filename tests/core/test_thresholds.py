"""Learning a stage's stall threshold from closed deals: pure maths, no database."""

from __future__ import annotations

import random

import pytest

from aba.core.thresholds import Sample, buckets, learn_threshold, wilson


def synthetic(n: int, *, change: int, before: float, after: float, seed: int = 7) -> list[Sample]:
    """Deals decided 0-90 days after their last advance, winning less after `change` days."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        days = rng.randint(0, 90)
        out.append(Sample(days, rng.random() < (before if days <= change else after)))
    return out


def test_wilson_interval_matches_known_values():
    low, high = wilson(0, 10)
    assert low == 0 and high == pytest.approx(0.2775, abs=1e-3)
    low, high = wilson(50, 100)
    assert (low, high) == (pytest.approx(0.4038, abs=1e-3), pytest.approx(0.5962, abs=1e-3))
    assert wilson(0, 0) == (0.0, 1.0)


def test_buckets_count_wins_per_band_with_an_open_last_band():
    shape = buckets(
        [Sample(0, True), Sample(6, False), Sample(7, True), Sample(500, False)],
        width=7,
        max_days=21,
    )
    assert [(b.start, b.end, b.n, b.wins) for b in shape] == [
        (0, 6, 2, 1),
        (7, 13, 1, 1),
        (14, 20, 0, 0),
        (21, None, 1, 0),
    ]
    assert shape[0].rate == 0.5 and shape[2].rate is None


def test_a_real_drop_is_learned_near_where_it_happens():
    p = learn_threshold(synthetic(600, change=30, before=0.6, after=0.1), default_days=30)
    assert p.learned and p.confidence in {"high", "medium"}
    assert 18 <= p.threshold_days <= 35
    assert p.tail_rate is not None and p.tail_rate < p.baseline / 2
    assert p.tail_interval[1] < p.baseline
    assert p.n == 600 and "won" in p.note


def test_too_few_deals_fall_back_to_the_default():
    p = learn_threshold(synthetic(20, change=30, before=0.6, after=0.1), default_days=30)
    assert (p.learned, p.threshold_days, p.confidence) == (False, 30, "none")
    assert "only 20 closed deals" in p.note


def test_no_drop_keeps_the_default():
    p = learn_threshold(synthetic(600, change=30, before=0.4, after=0.4), default_days=21)
    assert (p.learned, p.threshold_days) == (False, 21)
    assert "never fell below half" in p.note


def test_no_wins_keeps_the_default():
    p = learn_threshold([Sample(d, False) for d in range(100)], default_days=30)
    assert not p.learned and "no won deals" in p.note


def test_a_noisy_dip_on_few_deals_is_not_trusted():
    # 40 deals: the tail beyond 10 days is small, its interval still reaches the baseline.
    samples = [Sample(d % 10, d % 3 == 0) for d in range(30)] + [Sample(50, False)] * 10
    p = learn_threshold(samples, default_days=30)
    assert not p.learned and p.threshold_days == 30
