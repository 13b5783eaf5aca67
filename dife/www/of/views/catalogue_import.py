"""OF space: bulk import of the catalog (CSV or LHÉO XML) with the report line by line."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from dife.accounts.perms import organisme_required
from dife.catalog.imports import MAX_BYTES, detect_format, import_catalog
from dife.catalog.imports.csv_reader import template
from dife.catalog.imports.rows import COLUMNS
from dife.catalog.services import NotAllowed
from dife.www.of.forms.catalogue import ImportForm
from dife.www.of.views.catalogue import profile_or_404


@organisme_required
@require_http_methods(["GET", "POST"])
def importer(request):
    organisme = profile_or_404(request)
    form = ImportForm(data=request.POST or None, files=request.FILES or None, initial={"publier": True})
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["fichier"]
        if upload.size > MAX_BYTES:
            form.add_error("fichier", f"Le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo : découpez-le.")
        else:
            data = upload.read()
            file_format = form.cleaned_data["format"] or detect_format(upload.name, data)
            try:
                report = import_catalog(
                    organisme=organisme,
                    data=data,
                    file_format=file_format,
                    by=request.user,
                    publish=form.cleaned_data["publier"],
                    request=request,
                )
            except NotAllowed:
                raise Http404 from None
            form = ImportForm(initial={"publier": form.cleaned_data["publier"]})
    context = {"form": form, "report": report, "organisme": organisme, "columns": COLUMNS}
    return render(request, "of/catalogue/import.html", context)


@organisme_required
@require_GET
def modele(request):
    organisme = profile_or_404(request)
    body = template(today=timezone.localdate()).replace("<votre SIRET>", organisme.siret)
    response = HttpResponse(("\ufeff" + body).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-catalogue.csv"'
    return response
