"""Reading JSON lines: one output per input, in order, and clear errors that never stop it."""

from __future__ import annotations

import datetime as dt
import json

from aba.core.read_stream import describe, read_jsonl
from aba.core.reading import read_note


def run(*lines: str) -> list[dict[str, object]]:
    return [json.loads(out) for out in read_jsonl(lines)]


def test_one_reading_per_line_in_order() -> None:
    out = run(
        json.dumps({"id": "a", "text": "Signed the contract!", "date": "2024-03-06"}),
        json.dumps({"id": 2, "text": "She'll send specs Friday.", "date": "2024-03-06"}),
    )
    assert [(o["id"], o["outcome"]) for o in out] == [("a", "order"), (2, "advance")]
    assert out[1]["commitments"][0]["due"] == "2024-03-08"


def test_bad_lines_yield_errors_and_processing_continues() -> None:
    out = run(
        "{not json",
        json.dumps({"id": "no-text", "date": "2024-03-06"}),
        json.dumps({"id": "num-text", "text": 5}),
        json.dumps({"id": "bad-date", "text": "hi", "date": "06/03/2024"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok", "text": "They went with Acme.", "date": "2024-03-06"}),
    )
    assert [o["id"] for o in out] == [None, "no-text", "num-text", "bad-date", None, "ok"]
    assert "line 1" in out[0]["error"] and "JSON" in out[0]["error"]
    assert "line 2" in out[1]["error"] and "text" in out[1]["error"]
    assert "line 3" in out[2]["error"] and "string" in out[2]["error"]
    assert "line 4" in out[3]["error"] and "06/03/2024" in out[3]["error"]
    assert out[5]["outcome"] == "no_sale"


def test_missing_date_means_today() -> None:
    (o,) = run(json.dumps({"id": 1, "text": "I'll call them tomorrow."}))
    due = dt.date.today() + dt.timedelta(days=1)
    assert o["commitments"][0]["due"] == due.isoformat()


def test_blank_lines_are_skipped() -> None:
    assert run("", "  \n") == []


def test_describe_says_outcome_commitments_and_evidence() -> None:
    text = "She'll send the requirements by Friday; I'll send pricing."
    words = describe(read_note(text, dt.date(2024, 3, 6)), text)
    assert words.startswith("ADVANCE")
    assert "2024-03-08" in words and "Friday" in words
    assert "requirements" in words


def test_describe_a_stall() -> None:
    text = "They loved it, will get back to me."
    words = describe(read_note(text, dt.date(2024, 3, 6)), text)
    assert "CONTINUATION" in words and "Stalled" in words


def test_describe_says_value_given_even_of_no_kind_named() -> None:
    import dataclasses

    from aba.core.reading import Value

    r = read_note("Left a voicemail.", dt.date(2024, 3, 6))
    given = dataclasses.replace(r, value=Value(given=True, kinds=(), learned=()))
    assert "Value given: yes, of no kind named." in describe(given, "Left a voicemail.")
    assert "Value given: none noted." in describe(r, "Left a voicemail.")
