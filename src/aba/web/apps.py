from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "aba.web"
    label = "web"
    verbose_name = "Web"
