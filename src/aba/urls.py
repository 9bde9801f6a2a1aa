"""Every URL aba serves. Every page needs a login (LoginRequiredMiddleware)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("aba.api.urls")),
    path("coaching/", include("aba.coaching.urls")),
    path("audit/", include("aba.audit.urls")),
    path("", include("aba.web.urls")),
]
