"""Nightly upkeep of the search rows (procrastinate): sessions pass, the next one must move on."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from procrastinate.contrib.django import app

from dife.catalog.services.search_index import refresh_stale_rows


@app.periodic(cron="1 0 * * *", periodic_id="catalog-refresh-search-nightly")
@app.task(name="catalog.refresh_search_nightly", queueing_lock="catalog.refresh_search_nightly", retry=3)
def refresh_search_nightly(timestamp: int) -> int:
    """Just after midnight (Europe/Paris): recompute the rows whose next session is no longer to come."""
    as_of = timezone.localdate(datetime.fromtimestamp(timestamp, tz=timezone.get_current_timezone()))
    return refresh_stale_rows(today=as_of)
