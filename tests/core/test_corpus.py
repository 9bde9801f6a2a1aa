"""The labelled corpus keeps its labelling rules, so the reader is judged on consistent gold."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("check_corpus", ROOT / "scripts" / "check_corpus.py")
assert SPEC and SPEC.loader
check_corpus = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(check_corpus)
FILES = sorted((ROOT / "tests" / "data" / "notes").glob("*.jsonl"))


def test_the_corpus_is_large_enough_with_a_held_out_split() -> None:
    counts = {p.stem: sum(1 for line in p.open(encoding="utf-8") if line.strip()) for p in FILES}
    assert sum(counts.values()) >= 500
    assert sum(n for name, n in counts.items() if name.startswith("heldout")) >= 200


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_note_keeps_the_labelling_rules(path: Path) -> None:
    assert check_corpus.file_problems(path) == []


def test_no_note_text_sits_in_two_splits() -> None:
    assert [t for t, f in check_corpus.texts(FILES).items() if len(f) > 1] == []


def test_the_checker_names_what_is_wrong() -> None:
    note = {
        "id": "x-1",
        "date": "2026-03-14",
        "text": "went well",
        "outcome": "advance",
        "stall": "no_next_step",
        "asked": True,
        "value": True,
        "commitments": [
            {
                "party": "customer",
                "who": None,
                "action": "demo",
                "due": "2026-03-01",
                "vague": False,
            }
        ],
        "tags": ["dates"],
    }
    problems = check_corpus.note_problems(json.loads(json.dumps(note)), "f:1")
    assert any("date: 2026-03-14 is not a weekday" in p for p in problems)
    assert any("stall: 'no_next_step' with outcome 'advance'" in p for p in problems)
    assert any("due: 2026-03-01 is before the call date" in p for p in problems)
