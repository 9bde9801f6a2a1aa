"""The API mounted exactly as aba/urls.py mounts it, without the web pages, so API tests do not
depend on the pages (test_routing checks the real urlconf routes the API the same way)."""

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("aba.api.urls")),
]
