"""The note-wide cues, found in one pass over the lowercased note.

Orders, lost deals, the rep asking, value given and learned, a customer's request: each is a
lexicon matched across the whole note. Scanning for all of them at once (see `fastrx.Scanner`)
costs about what scanning for one does.
"""

from __future__ import annotations

import re

from aba.core.reading import cues
from aba.core.reading import lexicon as lx
from aba.core.reading import value as vl
from aba.core.reading.fastrx import Scanner

Features = dict[str, list[re.Match[str]]]

_SCANNER = Scanner(
    {
        "order": cues.ORDER,
        "no_sale": cues.NO_SALE,
        "asked": cues.ASKED,
        "not_asked": cues.NOT_ASKED,
        "initiative": cues.INITIATIVE,
        "status": vl.STATUS_ONLY,
        "pain": vl.PAIN,
        "substance": vl.SUBSTANCE,
        "kind": vl.ANY_KIND,
        "learned": vl.LEARNED,
        "request": lx.REQUEST,
    }
)


def features(low: str) -> Features:
    """Every note-wide cue in `low` (the lowercased note), by lexicon name."""
    return _SCANNER.scan(low)
