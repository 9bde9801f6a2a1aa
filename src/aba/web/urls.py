from django.urls import path

from aba.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
