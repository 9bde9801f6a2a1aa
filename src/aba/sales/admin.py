"""Django admin for all sales data: the escape hatch for admins, not the daily tool."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from aba.sales import models


@admin.register(models.User)
class AbaUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("aba", {"fields": ("role", "team")}))  # type: ignore[misc]


class StageInline(admin.TabularInline):
    model = models.Stage
    extra = 0


@admin.register(models.Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "no_advance_days")
    inlines = [StageInline]


@admin.register(models.Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ("name", "team", "position", "threshold_days", "threshold_learned")
    list_filter = ("team",)


class ContactInline(admin.TabularInline):
    model = models.Contact
    extra = 0


@admin.register(models.Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("name", "industry", "reorders")
    list_filter = ("reorders", "industry")
    search_fields = ("name",)
    inlines = [ContactInline]


@admin.register(models.Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "title", "buying_role", "account")
    list_filter = ("buying_role",)
    search_fields = ("name", "account__name")
    list_select_related = ("account",)


@admin.register(models.Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ("name", "account", "owner", "stage", "amount", "status", "created", "closed")
    list_filter = ("status", "stage__team", "owner")
    search_fields = ("name", "account__name", "external_id")
    list_select_related = ("account", "owner", "stage")
    raw_id_fields = ("account",)
    date_hierarchy = "created"


class CommitmentInline(admin.TabularInline):
    model = models.Commitment
    extra = 0
    exclude = ("span_start", "span_end")


@admin.register(models.Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("opportunity", "rep", "when", "outcome", "outcome_source", "stall", "asked")
    list_filter = ("outcome", "outcome_source", "stall", "asked", "value_given")
    search_fields = ("notes", "opportunity__name")
    list_select_related = ("opportunity", "rep")
    raw_id_fields = ("opportunity", "contacts")
    date_hierarchy = "when"
    inlines = [CommitmentInline]


@admin.register(models.Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("action", "party", "who", "due", "status")
    list_filter = ("party", "status", "vague")
    raw_id_fields = ("call", "contact")


@admin.register(models.Snooze)
class SnoozeAdmin(admin.ModelAdmin):
    list_display = ("opportunity", "reason", "until", "created_by")
    raw_id_fields = ("opportunity",)
