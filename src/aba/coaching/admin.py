"""Admin views of coaching records, for support: plans, plan steps and shared links."""

from django.contrib import admin

from aba.coaching.models import CallPlan, MutualPlanStep, PlanShareLink


@admin.register(CallPlan)
class CallPlanAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "best", "minimum", "planned_for", "created_by", "used_by_call"]
    raw_id_fields = ["opportunity", "used_by_call"]


@admin.register(MutualPlanStep)
class MutualPlanStepAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "position", "title", "owner", "who", "due", "status", "source"]
    list_filter = ["status", "source", "owner"]
    raw_id_fields = ["opportunity", "commitment"]


@admin.register(PlanShareLink)
class PlanShareLinkAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "created_by", "created_at", "revoked_at"]
    raw_id_fields = ["opportunity"]
    exclude = ["token"]  # the token is a secret: share it from the coaching page, not here
