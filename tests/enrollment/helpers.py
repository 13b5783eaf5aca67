"""Small helpers of the enrollment page tests."""

from __future__ import annotations

import html
import re


def text(response) -> str:
    """The page's visible text on one line (tags removed, entities decoded, plain apostrophes and spaces)."""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(body.replace("\u2019", "'").replace("\u202f", " ").replace("\xa0", " ").split())


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
