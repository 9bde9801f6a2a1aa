"""The audit trail page."""

from django.urls import path

from aba.audit import views

urlpatterns = [
    path("", views.audit_log, name="audit_log"),
]
