"""A small learned second opinion on why a continuation stalls.

The rules decide the stall from the commitments they found; words they have no rule for ("no
joy", "not holding my breath", "ball's with legal") still carry the answer. A multinomial
logistic regression over hashed words and word pairs of the note, plus the rules' own verdict,
picks the stall among those the commitments allow, when fairly sure. Trained by
scripts/train_reader.py on the train splits (5-fold cross-validation on 672 continuations: rules
0.836, with the arbiter 0.865; the gain is largest in the voices the rules were written last
for); its weights sit beside this module as JSON, loaded once.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

CONFIDENT = 0.7  # below this the rules' stall stands (CV: 0.865 at 0.7, 0.875 with no floor)
WEIGHTS = Path(__file__).with_name("stall_model.json")
_WORD = re.compile(r"[a-z0-9']+")


def features(
    low: str, outcome: str, stall: str, parties: list[tuple[str, bool]]
) -> dict[str, float]:
    """Words and word pairs (scaled by length), the rules' verdict and the commitments read.

    `low` is the lowercased note; `parties` the (party, dated) of each commitment read. Keys are
    the words themselves ("a b" for a pair): the weights are looked up by word, not hashed.
    """
    words = _WORD.findall(low)
    feats: dict[str, float] = {}
    scale = 1.0 / math.sqrt(max(1, len(words)))
    for w in words:
        feats[w] = feats.get(w, 0.0) + scale
    for a, b in zip(words, words[1:], strict=False):
        pair = a + " " + b
        feats[pair] = feats.get(pair, 0.0) + scale
    feats["rule:" + outcome] = 3.0
    feats["stall:" + stall] = 3.0
    feats["bias"] = 1.0
    for party, dated in parties:
        key = f"c:{party}:{'dated' if dated else 'undated'}"
        feats[key] = feats.get(key, 0.0) + 1.0
    return feats


def probabilities(
    weights: dict[str, list[float]], n_labels: int, feats: dict[str, float]
) -> list[float]:
    """Softmax of the linear scores, one per label."""
    scores = [0.0] * n_labels
    for key, value in feats.items():
        row = weights.get(key)
        if row:
            for k in range(n_labels):
                scores[k] += row[k] * value
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _load() -> tuple[list[str], dict[str, list[float]]]:
    try:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], {}  # no model: the rules alone decide
    labels = [str(x) for x in data["labels"]]
    weights = {str(k): [float(v) for v in row] for k, row in data["weights"].items()}
    return labels, weights


LABELS, _WEIGHTS = _load()


def _fast_probabilities(low: str, stall: str, parties: list[tuple[str, bool]]) -> list[float]:
    """`probabilities(features(...))` without building the feature dict: one pass over the words."""
    n = len(LABELS)
    sums = [0.0] * n
    get = _WEIGHTS.get
    words = _WORD.findall(low)
    prev = ""
    for w in words:
        row = get(w)
        if row:
            sums = [a + b for a, b in zip(sums, row, strict=True)]
        if prev:
            row = get(prev + " " + w)
            if row:
                sums = [a + b for a, b in zip(sums, row, strict=True)]
        prev = w
    scale = 1.0 / math.sqrt(max(1, len(words)))
    scores = [x * scale for x in sums]
    extra = [("rule:continuation", 3.0), ("stall:" + stall, 3.0), ("bias", 1.0)]
    extra += [(f"c:{party}:{'dated' if dated else 'undated'}", 1.0) for party, dated in parties]
    for key, value in extra:
        row = get(key)
        if row:
            scores = [a + b * value for a, b in zip(scores, row, strict=True)]
    top = max(scores)
    exps = [math.exp(x - top) for x in scores]
    total = sum(exps)
    return [e / total for e in exps]


def second_opinion(
    low: str, stall: str, parties: list[tuple[str, bool]], any_customer: bool
) -> str | None:
    """The stall the model rates highest of those the commitments allow, when not the rules'.

    no_next_step needs no commitment at all; rep_followup_only needs one of ours; waiting on the
    prospect needs something from their side, promised or hedged (`any_customer`). Within those
    the model decides: in cross-validation it beats the rules by 8-10 points on voices the rules
    were not written for, and keeping to the allowed stalls keeps the reading consistent.
    """
    if not _WEIGHTS:
        return None
    allowed = allowed_stalls(parties, any_customer)
    if not allowed - {stall}:
        return None  # nothing else would fit the commitments: no need to ask
    probs = _fast_probabilities(low, stall, parties)
    ranked = sorted(range(len(LABELS)), key=probs.__getitem__, reverse=True)
    best = next((k for k in ranked if LABELS[k] in allowed), None)
    if best is None or LABELS[best] == stall or probs[best] < CONFIDENT:
        return None
    return LABELS[best]


def allowed_stalls(parties: list[tuple[str, bool]], any_customer: bool) -> set[str]:
    """The stalls a continuation's commitments allow (see `second_opinion`)."""
    allowed = {"no_next_step"} if not parties else set()
    if any(party == "rep" for party, _ in parties):
        allowed.add("rep_followup_only")
    if any_customer:
        allowed.add("waiting_on_prospect")
    return allowed
