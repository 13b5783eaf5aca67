"""Small counters for throttling (``dife.core.throttle``): one row per scope, hashed key and window."""

from __future__ import annotations

from django.db import models


class ThrottleCounter(models.Model):
    scope = models.CharField("portée", max_length=40)
    key = models.CharField("clé (empreinte)", max_length=64)
    window_start = models.DateTimeField("début de la fenêtre")
    count = models.PositiveIntegerField("nombre", default=0)

    class Meta:
        verbose_name = "compteur de limitation"
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "window_start"], name="core_throttle_unique"),
        ]
        indexes = [models.Index(fields=["scope", "window_start"], name="core_throttle_window_idx")]

    def __str__(self) -> str:
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M} : {self.count}"
