"""Coaching pages: /coaching/... (the shared plan is the one page that needs no login)."""

from django.urls import path

from aba.coaching import views

app_name = "coaching"

urlpatterns = [
    path("opportunity/<int:pk>/", views.opportunity_coaching, name="opportunity"),
    path("opportunity/<int:pk>/plan/", views.save_plan, name="plan"),
    path("opportunity/<int:pk>/steps/<int:step_id>/", views.save_step, name="step"),
    path("opportunity/<int:pk>/share/", views.share, name="share"),
    path("opportunity/<int:pk>/share/revoke/", views.revoke, name="revoke"),
    path("call/<int:pk>/followup/", views.followup, name="followup"),
    path("call/<int:pk>/followup.eml", views.followup_eml, name="followup_eml"),
    path("call/<int:pk>/followup.ics", views.followup_ics, name="followup_ics"),
    path("shared/<str:token>/", views.shared, name="shared"),
]
