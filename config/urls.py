from django.contrib import admin
from django.urls import include, path

from dife.api.urls import api

handler404 = "dife.www.public.views.errors.page_not_found"
handler500 = "dife.www.public.views.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("dife.www.public.urls")),
]
