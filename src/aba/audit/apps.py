from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "aba.audit"
    label = "audit"
