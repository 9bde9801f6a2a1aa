"""The audit trail in Django admin: read-only, since a trail one can edit proves nothing."""

from django.contrib import admin
from django.http import HttpRequest

from aba.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = (
        "when",
        "who_name",
        "via",
        "object_type",
        "object_id",
        "field",
        "old_value",
        "new_value",
        "opportunity",
    )
    list_filter = ("object_type", "field", "via")
    search_fields = ("who_name", "object_id", "old_value", "new_value")
    date_hierarchy = "when"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
