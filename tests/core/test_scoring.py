"""The benchmark's macro-F1: per-class precision, recall and support, absent classes left out."""

from aba.core.reading.scoring import macro_f1


def test_macro_f1_averages_the_classes_present() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    f1, per = macro_f1(pairs, ["a", "b", "c"])
    assert per == {"a": (1.0, 0.5, 2), "b": (2 / 3, 1.0, 2)}
    assert abs(f1 - (2 / 3 + 0.8) / 2) < 1e-12


def test_a_class_never_right_counts_zero() -> None:
    assert macro_f1([("a", "b")], ["a", "b"]) == (0.0, {"a": (0.0, 0.0, 1), "b": (0.0, 0.0, 0)})


def test_dated_counts_give_recall_and_precision_numerators() -> None:
    from aba.core.reading.scoring import dated_counts, gold_dated, gold_given

    note = {"commitments": [{"party": "customer", "due": "2026-11-27"}, {"party": "rep"}]}
    gold = gold_dated(note)
    assert gold == [("customer", "2026-11-27")]
    read = [("customer", "2026-11-27"), ("rep", "2026-11-30")]
    assert dated_counts(gold, read) == (1, 1)
    assert gold_given({"given": True}) and not gold_given(False)
