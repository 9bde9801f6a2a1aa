"""The web pages' URLs (mounted at the site root)."""

from django.urls import path

from aba.web.views import calendar, calls, opportunities, pipeline, review, tokens

urlpatterns = [
    path("", pipeline.home, name="home"),
    path("log/", calls.log_call_page, name="log_call"),
    path("log/read/", calls.read_notes, name="read_notes"),
    path("log/commitments/", calls.commitments_editor, name="commitments_editor"),
    path("pipeline/", pipeline.pipeline, name="pipeline"),
    path("review/", review.review_page, name="review"),
    path("review/charts/", review.review_charts, name="review_charts"),
    path("opportunities/<int:pk>/", opportunities.opportunity_page, name="opportunity"),
    path("opportunities/<int:pk>/snooze/", opportunities.snooze_opportunity, name="snooze"),
    path("opportunities/<int:pk>/snooze/end/", opportunities.end_snooze, name="end_snooze"),
    path("commitments/<int:pk>/status/", opportunities.commitment_status, name="commitment_status"),
    path("calendar/", calendar.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("tokens/", tokens.api_tokens, name="api_tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="api_token_revoke"),
]
