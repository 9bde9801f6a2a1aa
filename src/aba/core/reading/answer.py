"""Whether a customer's dated promise only brings their answer: a continuation, not an advance.

"She'll call me with the answer by Wed 5/28", "give me an answer by 8/28", "tell me by Friday
17th which way he's going": the customer promises something by a date, but what they promise is
their decision, and the deal waits on them. The rules read many such promises (lexicon
STALL_ACTION) and miss the rest, which they then count as an advance; the outcome model may
not overrule an advance resting on a dated customer commitment, because from the note's words
alone it also overruled the textbook "She'll send the requirements by Friday".

This model reads only those promises: the words of each dated customer commitment and of its
clause, and the flags the rules gave it. Trained by scripts/train_reader.py on the rules'
advances that rest on one; it overrules the advance only when sure (`SURE`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from aba.core.reading.arbiter import Model, probabilities
from aba.core.vocabulary import Party

if TYPE_CHECKING:
    from aba.core.reading.commitments import Candidate
    from aba.core.reading.rules import RulesReading

# Left out one voice at a time over 1,643 such advances (89 of them continuations), a floor of
# 0.9 turned 19 right and 3 wrong; 0.7 turned 23 right and 8 wrong. With train13 and train14,
# over 1,847 (106 continuations): 26 right and 11 wrong (scripts/train_reader.py).
SURE = 0.9
LABELS = ("advance", "continuation")
MODEL = Model(Path(__file__).parent / "answer_model.json")
_WORD = re.compile(r"[a-z][a-z'/]+")


def dated_promises(rules: RulesReading) -> list[Candidate]:
    """The customer's dated commitments the rules kept: what an advance may rest on."""
    return [c for c in rules.kept if c.party is Party.CUSTOMER and c.due and c.due.due]


def features(rules: RulesReading, promises: list[Candidate]) -> dict[str, float]:
    """Each promise's words and word pairs, its clause's words and the rules' flags on it."""
    x = {"bias": 1.0, f"n:{min(3, len(promises))}": 1.0}
    for c in promises:
        words = _WORD.findall(c.action.lower())
        for w in words:
            x["a:" + w] = 1.0
        for a, b in zip(words, words[1:], strict=False):
            x[f"b:{a}_{b}"] = 1.0
        clause = rules.clauses[c.clause]
        for w in _WORD.findall(rules.low, clause.start, clause.end):
            x["c:" + w] = 1.0
        for name, flag in (
            ("adv", c.advancing),
            ("stall", c.stalling),
            ("forum", c.forum),
            ("acc", c.accepted),
            ("passive", c.passive),
        ):
            x[f"f:{name}:{flag}"] = 1.0
    return x


def only_an_answer(rules: RulesReading) -> bool:
    """Whether the rules' advance rests only on promises of the customer's answer."""
    promises = dated_promises(rules)
    if not MODEL.weights or not promises:
        return False
    probs = probabilities(MODEL.weights, len(MODEL.labels), features(rules, promises))
    return probs[MODEL.labels.index("continuation")] >= SURE
