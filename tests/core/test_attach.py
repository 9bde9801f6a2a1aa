"""The date model: each date of a note goes to the party it is due for, and only there."""

from __future__ import annotations

import datetime as dt

from aba.core.reading import attach, read_note
from aba.core.reading.arbiter import Model
from aba.core.reading.rules import read_rules
from aba.core.vocabulary import Party

MON = dt.date(2026, 11, 23)


def dated(text: str) -> set[tuple[Party, dt.date | None]]:
    return {(c.party, c.due) for c in read_note(text, MON).commitments if c.due}


def test_two_parties_two_dates_each_keep_their_own() -> None:
    got = dated("she'll get me the floor plans Thursday. I'm back on site the 3rd with the quote")
    assert {(Party.CUSTOMER, dt.date(2026, 11, 26)), (Party.REP, dt.date(2026, 12, 3))} <= got
    # (the corpus counts a visit the customer hosts as theirs too: the 3rd may be both parties')
    assert (Party.REP, dt.date(2026, 11, 26)) not in got


def test_a_date_given_after_the_promise_in_a_fragment_is_its_due_date() -> None:
    got = dated("Ops manager will pull the fleet list for us. Wed latest. I send pricing after.")
    assert (Party.CUSTOMER, dt.date(2026, 11, 25)) in got


def test_context_dates_are_nobodys_promise() -> None:
    assert dated("Contract with the incumbent ends 31 March. She's away until the 4th.") == set()
    assert dated("Last time she promised the specs by Friday. Nothing yet.") == set()


def test_the_rules_reading_is_left_as_it_was_read() -> None:
    rules = read_rules("Demo Thursday w/ their IT lead, I'll send the deck tomorrow", MON)
    before = [(c.party, c.due) for c in rules.kept]
    attach.reconcile(rules, MON)
    assert [(c.party, c.due) for c in rules.kept] == before


def test_without_a_model_the_rules_dates_stand() -> None:
    rules = read_rules("she'll send the specs Friday and I'll call Monday", MON)
    empty = Model.__new__(Model)
    empty.labels, empty.weights = [], {}
    assert attach.reconcile(rules, MON, empty) is rules.kept


def test_features_name_what_the_rules_read_around_the_date() -> None:
    rules = read_rules("I'll send the quote Friday.", MON)
    note = attach.Note(rules, MON)
    ((d, ci),) = note.dates()
    feats = note.features(d, ci)
    assert {"held:rep", "form:friday", "ahead:week", "near:rep", "l1:quote"} <= set(feats)


def test_the_shipped_model_has_the_labels_in_the_order_likely_reads_them() -> None:
    assert attach.MODEL.labels == list(attach.LABELS)
    assert attach.MODEL.weights  # shipped with the package, loaded without any network
