from django.apps import AppConfig


class SalesConfig(AppConfig):
    name = "aba.sales"
    label = "sales"
    verbose_name = "Sales"
