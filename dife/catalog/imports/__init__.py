"""Bulk import of a provider's catalog: CSV or LHÉO XML → report line by line (docs/lheo-subset.md).

``import_catalog(organisme=…, data=…, file_format="csv"|"lheo")`` reads the file, checks every row
(``rows.check_row``) and writes the good ones (``dife.catalog.services.bulk_import``); the report says,
for each row, imported, updated or rejected with the reasons. A file that cannot be read at all
(encoding, header, XML not well formed…) is refused as a whole and nothing is written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from dife.catalog.imports.communes import CommuneResolver
from dife.catalog.imports.csv_reader import FileRefused, read_csv
from dife.catalog.imports.lheo import read_lheo
from dife.catalog.imports.report import ImportReport, Line, LineStatus
from dife.catalog.imports.rows import check_row, commune_codes
from dife.catalog.models import OrganismeProfile

MAX_BYTES = 25 * 1024 * 1024
FORMATS = {"csv": "CSV", "lheo": "LHÉO (XML)"}

__all__ = ["FORMATS", "MAX_BYTES", "ImportReport", "Line", "LineStatus", "detect_format", "import_catalog"]


def detect_format(filename: str, data: bytes) -> str:
    """ "lheo" for an XML file (by its name or its first characters), "csv" otherwise."""
    name = (filename or "").lower()
    if name.endswith(".xml"):
        return "lheo"
    if name.endswith((".csv", ".txt")):
        return "csv"
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "lheo" if head.startswith(b"<") else "csv"


def import_catalog(
    *,
    organisme: OrganismeProfile,
    data: bytes,
    file_format: str,
    by=None,
    publish: bool = True,
    today: date | None = None,
    request=None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import ``data`` into the catalog of ``organisme``; ``by`` is the staff user (None: the system)."""
    from dife.catalog.services.bulk_import import import_offer_rows

    started = time.monotonic()
    report = ImportReport(format=file_format)
    if len(data) > MAX_BYTES:
        report.file_errors.append(f"Le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo : découpez-le.")
        return report
    try:
        raw_rows, warnings = read_lheo(data) if file_format == "lheo" else read_csv(data)
    except FileRefused as error:
        report.file_errors.append(error.message)
        return report
    report.file_warnings.extend(warnings)
    insee, postal = commune_codes([raw for _, raw in raw_rows])
    resolver = CommuneResolver().load(insee_codes=insee, postal_codes=postal)
    siret = organisme.organisation.siret
    checked = []
    for line, raw in raw_rows:
        report.lines.append(line)
        if line.rejected:
            continue
        row = check_row(raw, line=line, siret=siret, resolver=resolver)
        if row is not None:
            checked.append(row)
    already = len(raw_rows) - len(checked)  # rejected before writing: done

    def written_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(already + done, len(raw_rows))

    written = import_offer_rows(
        organisme=organisme,
        rows=checked,
        by=by,
        publish=publish,
        today=today,
        request=request,
        file_format=file_format,
        progress=written_progress,
    )
    if progress is not None and not checked:
        progress(len(raw_rows), len(raw_rows))
    report.published_actions = written.published_actions
    report.seconds = time.monotonic() - started
    return report
