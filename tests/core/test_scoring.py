"""The benchmark's macro-F1: per-class precision, recall and support, absent classes left out."""

from aba.core.reading.scoring import macro_f1


def test_macro_f1_averages_the_classes_present() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    f1, per = macro_f1(pairs, ["a", "b", "c"])
    assert per == {"a": (1.0, 0.5, 2), "b": (2 / 3, 1.0, 2)}
    assert abs(f1 - (2 / 3 + 0.8) / 2) < 1e-12


def test_a_class_never_right_counts_zero() -> None:
    assert macro_f1([("a", "b")], ["a", "b"]) == (0.0, {"a": (0.0, 0.0, 1), "b": (0.0, 0.0, 0)})
