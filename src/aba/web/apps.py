"""The web pages reps and managers use every day (server-rendered Django + htmx)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "aba.web"
    label = "web"
    verbose_name = "Web"

    def ready(self) -> None:
        from aba.web import review_cache

        review_cache.connect_signals()
