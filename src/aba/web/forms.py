"""Input of the pages: every write goes through one of these forms, then a service."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from aba.core.vocabulary import OpportunityStatus, Party
from aba.sales.models import Opportunity, User
from aba.sales.services.review import MAX_SNOOZE_DAYS
from aba.sales.visibility import visible_opportunities
from aba.web.words import OUTCOME_WORDS, STALL_WORDS

MAX_NOTES = 20_000
MAX_CHOICES = 400  # a select longer than this is unusable; the opportunity page links here too

AS_READ = ""  # the rep accepts aba's reading


def loggable_opportunities(user: User) -> QuerySet[Opportunity]:
    """Open opportunities the user may log a call on."""
    return visible_opportunities(user).filter(status=OpportunityStatus.OPEN)


class LogCallForm(forms.Form):
    opportunity = forms.ModelChoiceField(
        queryset=Opportunity.objects.none(),
        empty_label="Choose the opportunity…",
        error_messages={"invalid_choice": "Choose one of your open opportunities."},
    )
    when = forms.DateField(
        label="Date of the call",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the date as YYYY-MM-DD."},
    )
    notes = forms.CharField(
        label="Notes",
        max_length=MAX_NOTES,
        widget=forms.Textarea(
            attrs={
                "rows": 9,
                "placeholder": "What happened, and what did the customer agree to do, by when?",
            }
        ),
        error_messages={"required": "Type what happened on the call: aba reads the notes."},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=[(AS_READ, "As aba reads it")] + list(OUTCOME_WORDS.items()),
        widget=forms.RadioSelect,
    )
    stall = forms.ChoiceField(
        label="Why it did not advance",
        required=False,
        choices=[(AS_READ, "As aba reads it")]
        + [(k, v[0].upper() + v[1:]) for k, v in STALL_WORDS.items()],
    )
    planned_best = forms.CharField(label="Best advance you planned", required=False, max_length=300)
    planned_minimum = forms.CharField(
        label="Minimum acceptable advance you planned", required=False, max_length=300
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user
        field = self.fields["opportunity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = loggable_opportunities(user).select_related("account")
        # Rendered by the template: Django's per-option widget templates cost ~0.1 s for 400.
        self.opportunity_choices = self._choices()
        self.fields["when"].initial = timezone.localdate()

    def _choices(self) -> list[tuple[str, str]]:
        """The rep's own open opportunities (capped), plus the chosen one, by account."""
        selected = self["opportunity"].value()
        self.selected_opportunity = str(selected or "")
        own = loggable_opportunities(self.user).filter(owner=self.user)
        rows = list(own.select_related("account").order_by("account__name", "name")[:MAX_CHOICES])
        if selected and str(selected).isdigit() and all(str(o.pk) != str(selected) for o in rows):
            rows += list(
                loggable_opportunities(self.user).select_related("account").filter(pk=selected)
            )
        return [("", "Choose the opportunity…")] + [
            (str(o.pk), f"{o.account.name} · {o.name}") for o in rows
        ]

    def clean_when(self) -> dt.date:
        when: dt.date = self.cleaned_data["when"]
        today = timezone.localdate()
        if when > today + dt.timedelta(days=1):
            raise forms.ValidationError(
                "That date is in the future: log a call after it has happened."
            )
        if when < today - dt.timedelta(days=366):
            raise forms.ValidationError("That is more than a year ago: check the year.")
        return when

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        outcome, stall = data.get("outcome"), data.get("stall")
        if stall and outcome != "continuation":
            self.add_error(
                "stall", "Only a continuation has a stall: clear it or choose Continuation above."
            )
        return data


class CommitmentForm(forms.Form):
    """One commitment as the rep states it (a correction of aba's reading)."""

    party = forms.ChoiceField(
        label="Who owes it",
        initial=Party.CUSTOMER.value,  # so a blank extra row counts as unchanged
        choices=[(Party.CUSTOMER.value, "Customer"), (Party.REP.value, "Rep (you)")],
    )
    who = forms.CharField(label="Person", required=False, max_length=160)
    action = forms.CharField(
        label="Action",
        max_length=500,
        error_messages={"required": "Say what was agreed, or tick Remove."},
    )
    due = forms.DateField(
        label="Due",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the date as YYYY-MM-DD."},
    )


CommitmentFormSet = forms.formset_factory(CommitmentForm, extra=1, can_delete=True, max_num=20)


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(choices=[("kept", "Kept"), ("missed", "Missed"), ("open", "Open")])


class SnoozeForm(forms.Form):
    """Pause a deal's warnings for a reason a manager can read, until a restart date."""

    reason = forms.CharField(
        label="Why it is paused",
        max_length=300,
        help_text="What the customer is waiting for, in words your manager will understand.",
        widget=forms.TextInput(
            attrs={"placeholder": "e.g. budgets frozen until their fiscal year starts on 1 July"}
        ),
        error_messages={"required": "Say why the deal is paused: your manager reads it."},
    )
    until = forms.DateField(
        label="Restart on",
        help_text="The deal comes back into the review by itself on this day.",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Choose the day the deal comes back.",
            "invalid": "Enter the date as YYYY-MM-DD.",
        },
    )

    def clean_until(self) -> dt.date:
        until: dt.date = self.cleaned_data["until"]
        today = timezone.localdate()
        if until <= today:
            raise forms.ValidationError("Choose a day after today: the deal restarts on that day.")
        if until > today + dt.timedelta(days=MAX_SNOOZE_DAYS):
            raise forms.ValidationError(
                f"That is more than {MAX_SNOOZE_DAYS // 365} years away: check the year."
            )
        return until


class PipelineFilterForm(forms.Form):
    """Filters and sorting of the rep's pipeline (GET: the URL is shareable)."""

    SORTS = [
        ("stalled", "Stalled first"),
        ("amount", "Amount, largest first"),
        ("last_call", "Last call, oldest first"),
        ("name", "Name"),
    ]
    q = forms.CharField(label="Search", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Review",
        required=False,
        choices=[("", "All open"), ("stalled", "Stalled"), ("advancing", "Advancing"),
                 ("snoozed", "Snoozed")],
    )  # fmt: skip
    stage = forms.CharField(label="Stage", required=False, max_length=80)
    sort = forms.ChoiceField(label="Sort", required=False, choices=SORTS)
