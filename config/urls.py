from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from dife.api.urls import api
from dife.core import converters

converters.register()

handler404 = "dife.www.public.views.errors.page_not_found"
handler500 = "dife.www.public.views.errors.server_error"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),  # TOTP required; never at /admin/
    path("api/v1/", api.urls),
    path("", include("dife.www.public.urls")),
    path("", include("dife.www.elus.urls")),
    path("dev/", include("dife.notifications.urls")),
    path("pro/", include("dife.www.staff.urls")),
    path("gestion/", include("dife.www.gestion.urls")),
    path("of/", include("dife.www.of.urls")),
    path("collectivite/", include("dife.www.collectivite.urls")),
]
