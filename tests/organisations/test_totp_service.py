"""TOTP helpers: provisioning URI, enrolment device reuse, QR code markup."""

from base64 import b32decode
from urllib.parse import parse_qs, unquote, urlsplit

from django_otp.plugins.otp_totp.models import TOTPDevice

from dife.organisations.services import totp
from dife.www.staff.qr import qr_svg


def test_provisioning_uri_follows_the_key_uri_format(of_org):
    from tests.organisations.fixtures import make_staff

    user = make_staff("uri@organisme-a.test", of_org, "agent", totp_device=False)
    device = totp.enrolment_device(user)
    assert totp.enrolment_device(user) == device  # same secret while enrolling
    uri = totp.provisioning_uri(device)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert unquote(parts.path) == "/Mon Compte Élu — DIFE:uri@organisme-a.test"
    query = parse_qs(parts.query)
    assert b32decode(query["secret"][0]) == device.bin_key
    assert query["issuer"] == ["Mon Compte Élu — DIFE"]
    assert (query["digits"], query["period"], query["algorithm"]) == (["6"], ["30"], ["SHA1"])
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_qr_code_is_accessible_inline_svg_without_script_or_style():
    svg = qr_svg("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", title="QR code <test>")
    assert svg.startswith("<svg ") and svg.count("xmlns=") == 1
    assert 'role="img"' in svg and '<title id="qr-titre">QR code &lt;test&gt;</title>' in svg
    assert "<script" not in svg and "style=" not in svg
    assert '<rect fill="white"' in svg  # readable on the dark theme too
