"""Audit trail: who changed an outcome, a commitment or an owner, and when."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "aba.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from aba.audit import recording

        recording.connect()
