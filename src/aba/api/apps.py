from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "aba.api"
    label = "api"
