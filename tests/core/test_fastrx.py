"""The regrouped scanner finds exactly the places its one-pattern form finds."""

from __future__ import annotations

import pytest

from aba.core.reading.features import _SCANNER

TEXTS = [
    "",
    "won",
    "won!",
    "signed the po today. she's now off.",
    "order - 12 cases; we lost to acme. closed!",
    "'s off",
    "he's off, it's off. they went with us",
    "\nsigned\n-signed-'signed' (signed) signed_signed",
    "résumé signed, naïve-signed; 2signed",
]


@pytest.mark.parametrize("text", TEXTS)
def test_marks_match_the_single_pattern(text: str) -> None:
    assert _SCANNER.marks(text) == [m.start() for m in _SCANNER.any.finditer(text)]
