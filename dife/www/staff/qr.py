"""QR code of a TOTP provisioning URI as inline SVG (no script, no inline style: fits our CSP)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, title: str, size_px: int = 220) -> SafeString:
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
    )
    root = image.get_image()
    root.set("width", str(size_px))
    root.set("height", str(size_px))
    root.set("role", "img")
    root.set("aria-labelledby", "qr-titre")
    root.set("class", "dife-qr")
    # qrcode builds un-namespaced elements with an explicit xmlns attribute: stay consistent.
    title_el = ET.Element("title", {"id": "qr-titre"})
    title_el.text = title
    root.insert(0, title_el)
    # The SVG is built here from a URI we generated; ElementTree escapes the title text.
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308
