"""The élu's ledger: "Consulter l'historique" (newest first, paginated)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from dife.accounts.perms import elu_required
from dife.mandates.selectors import compte_elu
from dife.rights.selectors import history_of

PAGE_SIZE = 20


@elu_required
def historique(request):
    compte = compte_elu(request.user)
    entries = history_of(compte.persons) if compte.attached else history_of([])
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "elus/historique.html", {"compte": compte, "page": page})
