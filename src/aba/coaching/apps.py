from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "aba.coaching"
    label = "coaching"
