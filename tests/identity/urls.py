"""The project's URLs plus a page protected by the step-up, standing for "Créer mon dossier d'inscription"."""

from django.http import HttpResponse
from django.urls import include, path

from dife.accounts.perms import elu_required
from dife.identity.stepup import substantial_identity_required


@elu_required
@substantial_identity_required
def protected_purchase(request, number: int):
    return HttpResponse(f"Dossier d'inscription {number} : {request.method}")


urlpatterns = [
    path("test/dossier/<int:number>", protected_purchase, name="test_protected_purchase"),
    path("", include("config.urls")),
]
