"""The words the pages use for aba's codes, and the ask suggestion of the reading panel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aba.core import coaching
from aba.core.vocabulary import Outcome, Reason, Stall

OUTCOME_WORDS: dict[str, str] = {
    Outcome.ORDER: "Order",
    Outcome.ADVANCE: "Advance",
    Outcome.CONTINUATION: "Continuation",
    Outcome.NO_SALE: "No sale",
}

STALL_WORDS: dict[str, str] = {
    Stall.WAITING_ON_PROSPECT: "waiting on the prospect",
    Stall.REP_FOLLOWUP_ONLY: "only the rep agreed to do something",
    Stall.NO_NEXT_STEP: "no next step agreed",
}

REASON_WORDS: dict[str, str] = {
    Reason.NO_COMMITMENT: "The last call ended without a customer commitment",
    Reason.WAITING_ON_PROSPECT: "Waiting on the prospect, with nothing agreed",
    Reason.REP_FOLLOWUP_ONLY: "Only the rep has something to do",
    Reason.COMMITMENT_OVERDUE: "A customer commitment is overdue",
    Reason.NO_ADVANCE_IN_DAYS: "No advance in {days} days",
    Reason.ORDER_NOT_ASKED: "Re-ordering account: the order was not asked for",
    Reason.NO_VALUE: "The last calls gave the customer no value",
    Reason.NO_CALLS: "No call logged yet",
}


def row_reasons(row: Any) -> list[str]:
    """A review row's reasons in words, with the numbers that make them concrete."""
    out = []
    for code in row.reasons:
        text = reason_text(code, row.days_stalled)
        if code == Reason.COMMITMENT_OVERDUE and row.overdue_first_due:
            many = row.overdue_count > 1
            text = (
                f"{row.overdue_count} customer commitments overdue, the first due "
                if many
                else "A customer commitment is overdue, due "
            ) + row.overdue_first_due.strftime("%-d %b")
        out.append(text)
    return out


def reason_text(code: str, days: int | None = None) -> str:
    """A review reason in words a sales manager would use."""
    template = REASON_WORDS.get(code, code.replace("_", " ").capitalize())
    return template.format(days=days if days is not None else "many")


def ask_suggestion(stall: str | None, stage: str | None, as_of: dt.date) -> str:
    """How to ask for a customer commitment next time, from aba's coaching."""
    return coaching.ask_suggestion(stall=stall, stage=stage, as_of=as_of)
