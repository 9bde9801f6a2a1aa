"""Forms of the coaching pages: validate input, nothing else."""

from __future__ import annotations

from django import forms

from aba.core.coaching.mutual_plan import StepStatus


class PlanForm(forms.Form):
    best = forms.CharField(
        label="Best advance",
        max_length=300,
        help_text="The most the customer could realistically commit to on this call.",
    )
    minimum = forms.CharField(
        label="Minimum acceptable advance",
        max_length=300,
        help_text="The least you will accept and still call it an advance.",
    )
    planned_for = forms.DateField(
        label="Call date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class StepForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=[(s.value, s.value.title()) for s in StepStatus]
    )
    due = forms.DateField(
        label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
