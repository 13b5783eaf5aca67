"""The client's IP address, the one helper for sign-in throttling (django-axes), every other throttle
and the audit journal.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (a load balancer, a TLS terminator…), each proxy appends
the address it received the request from to ``X-Forwarded-For``: only the last ``TRUSTED_PROXY_COUNT``
entries were written by our proxies, so the client is the ``TRUSTED_PROXY_COUNT``-th entry from the
right. Anything to its left was sent by the client and is ignored (a client cannot choose its address).
With 0 (development, tests, a server reached directly) the header is ignored: ``REMOTE_ADDR``.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    if request is None:
        return None
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:  # not through our proxies (or misconfigured): the peer is all we know
        return remote
    return _valid(forwarded[-count]) or remote
