"""Background sending of the outbox (procrastinate)."""

from __future__ import annotations

from procrastinate.contrib.django import app

from dife.notifications.services import send_pending


@app.task(name="notifications.send_outbox", retry=3)
def send_outbox() -> int:
    return send_pending()


@app.periodic(cron="* * * * *", periodic_id="notifications-send-outbox")
@app.task(name="notifications.send_outbox_periodic", queueing_lock="notifications.send_outbox_periodic")
def send_outbox_periodic(timestamp: int) -> int:
    return send_pending()
