"""The API's explicit input and output schemas: the contract the OpenAPI document publishes.

Inputs are bounded (lengths, list sizes, years) so no request can reach the database or the
reader with a value they would choke on; every bound is visible in the OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, StringConstraints

from aba.core.vocabulary import CommitmentStatus, OpportunityStatus, Outcome, Party, Stall

MAX_ID = 2**53  # beyond what a JSON number holds exactly; also keeps SQL integers in range
MIN_YEAR, MAX_YEAR = 1900, 2200
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL; reject it rather than fail on it

Text = Annotated[str, StringConstraints(pattern=NO_NUL)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _year_in_range(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_text(value: Any) -> Any:
    """Only ISO text: pydantic would otherwise take 0 or "17" as a Unix timestamp."""
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        return value
    if isinstance(value, dt.date):
        return value
    raise ValueError("expected an ISO date (YYYY-MM-DD) or datetime (YYYY-MM-DDTHH:MM:SS)")


Day = Annotated[dt.date, BeforeValidator(_iso_text)]
# A call's moment is bounded: converting a year-1 or year-9999 time to UTC would overflow.
Moment = Annotated[dt.datetime, BeforeValidator(_iso_text), AfterValidator(_year_in_range)]


# -- errors -----------------------------------------------------------------------------------


class ProblemOut(Schema):
    field: str | None = Field(description="Where the problem is, e.g. 'body.notes', 'query.limit'.")
    problem: str = Field(description="What is wrong and what to do about it.")


class ErrorOut(Schema):
    detail: list[ProblemOut] = Field(description="Every problem found in the request.")


# -- opportunities ----------------------------------------------------------------------------


class OpportunityOut(Schema):
    id: int = Field(description="aba's id, used in API paths.")
    external_id: str | None = Field(description="The id in the source CRM, when imported.")
    name: str
    account: str = Field(description="The account (customer company) name.")
    owner: str = Field(description="The owning rep's username.")
    stage: str = Field(description="The stage of the team's roadmap the buyer is in.")
    amount: float = Field(description="Expected value of the deal.")
    status: OpportunityStatus
    created: dt.date
    closed: dt.date | None


class OpportunityPage(Schema):
    count: int = Field(description="How many opportunities match the filters in all.")
    limit: int
    offset: int
    items: list[OpportunityOut]


class OpportunityFilters(Schema):
    status: OpportunityStatus | None = Field(None, description="Only this status.")
    owner: Annotated[Text, Field(max_length=150)] | None = Field(
        None, description="Only opportunities owned by this username."
    )
    stage: Annotated[Text, Field(max_length=80)] | None = Field(
        None, description="Only this stage (case-insensitive)."
    )
    q: Annotated[Text, Field(max_length=200)] | None = Field(
        None, description="Text the opportunity or account name contains."
    )


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=500, description="Items per page.")
    offset: int = Field(0, ge=0, le=1_000_000, description="Items to skip.")


# -- readings ---------------------------------------------------------------------------------


class ReadCommitmentOut(Schema):
    party: Party
    who: str | None = Field(description="Who committed, as the note names them.")
    action: str
    due: dt.date | None = Field(description="The due date, resolved against the call's date.")
    due_text: str | None = Field(description="The words of the note that gave the due date.")
    vague: bool = Field(description="The due date is vague ('soon', 'next month').")
    span: list[int] = Field(description="[start, end) character offsets into the note.")


class EvidenceOut(Schema):
    outcome: list[int] | None = Field(description="Offsets of the words that decided the outcome.")
    commitments: list[list[int]]


class ReadingOut(Schema):
    id: Any = Field(None, description="The id sent with the note, echoed back.")
    outcome: Outcome
    stall: Stall | None = Field(description="Why a continuation does not advance.")
    commitments: list[ReadCommitmentOut]
    asked: bool = Field(description="The rep asked for a commitment or the order.")
    value: bool = Field(description="The call gave the customer value (insight, help, an idea).")
    value_kinds: list[str] = Field(description="learning, serving, creating, extending.")
    learned: list[str] = Field(description="What the rep learned about the customer.")
    evidence: EvidenceOut


class NoteIn(Schema):
    id: Annotated[Text, Field(max_length=100)] | None = Field(
        None, description="Your id for the note, echoed back in its reading."
    )
    text: Annotated[Text, Field(max_length=20_000)] = Field(description="The call notes.")
    date: Day | None = Field(
        None, description="The call's date, which relative dates count from; default today."
    )


class ReadIn(Schema):
    notes: list[NoteIn] = Field(min_length=1, max_length=500, description="1 to 500 notes.")


# -- calls and commitments --------------------------------------------------------------------


class CommitmentOut(Schema):
    id: int
    call_id: int
    opportunity_id: int
    party: Party
    who: str
    action: str
    due: dt.date | None
    due_text: str
    vague: bool
    status: CommitmentStatus
    resolved_at: dt.date | None = Field(description="When it was marked kept, missed or cancelled.")


class CommitmentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[CommitmentOut]


class CommitmentFilters(Schema):
    status: CommitmentStatus | None = None
    party: Party | None = Field(None, description="customer: the commitments that make advances.")
    opportunity: Id | None = Field(None, description="Only this opportunity's commitments.")
    due_before: Day | None = Field(None, description="Due on or before this date.")
    due_after: Day | None = Field(None, description="Due on or after this date.")


class CommitmentIn(Schema):
    party: Party
    action: Annotated[Text, Field(min_length=1, max_length=500)]
    who: Annotated[Text, Field(max_length=160)] = ""
    due: Day | None = None
    due_text: Annotated[Text, Field(max_length=120)] = ""


class CommitmentStatusIn(Schema):
    status: CommitmentStatus = Field(description="kept, missed, cancelled, or open again.")


class CallOut(Schema):
    id: int
    external_id: str | None
    opportunity_id: int
    rep: str = Field(description="The username of the rep who made the call.")
    when: dt.datetime
    notes: str
    outcome: Outcome | None
    outcome_source: str = Field(description="stated (by the rep), read (by aba) or unknown.")
    stall: Stall | None
    asked: bool
    value_given: bool
    value_kinds: list[str]
    learned: str
    planned_best: str = Field(description="The best advance the rep planned to ask for.")
    planned_minimum: str = Field(description="The minimum acceptable advance planned.")
    corrected: bool = Field(description="The rep's stated outcome differs from aba's reading.")
    reading: ReadingOut | None = Field(description="aba's reading of the notes.")
    commitments: list[CommitmentOut]


class CallPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[CallOut]


class CallFilters(Schema):
    opportunity: Id | None = Field(None, description="Only this opportunity's calls.")
    rep: Annotated[Text, Field(max_length=150)] | None = Field(None, description="Rep username.")
    outcome: Outcome | None = None
    since: Day | None = Field(None, description="Calls on or after this date.")
    until: Day | None = Field(None, description="Calls on or before this date.")


class CallIn(Schema):
    when: Moment = Field(
        description=f"When the call happened: ISO datetime (naive means UTC), years {MIN_YEAR} "
        f"to {MAX_YEAR}."
    )
    notes: Annotated[Text, Field(max_length=20_000)] = Field(description="What happened.")
    outcome: Outcome | None = Field(
        None, description="The outcome as the rep states it; empty lets aba read it from the notes."
    )
    stall: Stall | None = Field(None, description="With a stated continuation: why it stalls.")
    commitments: list[CommitmentIn] | None = Field(
        None, max_length=50, description="Exactly these commitments; empty reads them from notes."
    )
    contacts: list[Id] = Field(
        default_factory=list, max_length=50, description="Ids of the account's contacts present."
    )
    planned_best: Annotated[Text, Field(max_length=300)] = ""
    planned_minimum: Annotated[Text, Field(max_length=300)] = ""


# -- who am I ---------------------------------------------------------------------------------


class MeOut(Schema):
    username: str
    name: str
    role: str = Field(description="rep, manager or admin: decides what the token can see.")
    team: str | None


# -- review and figures -----------------------------------------------------------------------

# Bounded like a call's moment: the review counts days and months back from this date.
AsOf = Annotated[dt.date, BeforeValidator(_iso_text), AfterValidator(_year_in_range)]


class ReviewFilters(Schema):
    as_of: AsOf | None = Field(
        None, description=f"Review as of this day (default today); years {MIN_YEAR} to {MAX_YEAR}."
    )
    team: Annotated[Text, Field(max_length=120)] | None = Field(None, description="Team name.")
    rep: Annotated[Text, Field(max_length=150)] | None = Field(None, description="Rep username.")


class OpenCommitmentOut(Schema):
    party: Party
    who: str | None
    action: str
    due: dt.date | None


class ReviewRowOut(Schema):
    id: str = Field(description="The opportunity's public id: the CRM's when imported.")
    status: str = Field(description="advancing, stalled, snoozed or closed.")
    reasons: list[str] = Field(description="Why it is stalled (review reason codes).")
    last_call: dt.date | None
    last_advance: dt.date | None
    open_commitments: list[OpenCommitmentOut]
    name: str
    account: str
    owner: str
    team: str | None
    stage: str
    amount: float
    days_stalled: int
    snoozed_until: dt.date | None
    snooze_reason: str | None


class ReviewOut(Schema):
    as_of: dt.date
    opportunities: list[ReviewRowOut] = Field(description="In attention order: stalled first.")


class FiguresFilters(ReviewFilters):
    months: int = Field(6, ge=1, le=36, description="How many months back, this one included.")


class FiguresRowOut(Schema):
    level: str = Field(description="rep or team.")
    name: str
    team: str | None
    month: str = Field(description="YYYY-MM.")
    calls: int
    advance_rate: float | None = Field(description="Share of calls that ended in an advance.")
    continuation_rate: float | None
    asked_rate: float | None = Field(description="Share of calls where the rep asked.")
    commitments_kept: int
    commitments_missed: int
    median_days_between_advances: float | None
    advances_between: int
    stalled_value: float


class FiguresOut(Schema):
    as_of: dt.date
    figures: list[FiguresRowOut] = Field(description="Reps then teams, by name then month.")
