"""The demo loader: idempotent, fictional data, printed TOTP secrets that really work."""

from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from stdnum.fr import siret

from devtools.demo import organisations as demo
from dife.accounts.models import User
from dife.organisations.models import Membership, Organisation


def test_demo_load_is_idempotent_and_prints_working_secrets(db):
    assert "3 compte(s) créé(s)" in demo.load()
    assert "0 compte(s) créé(s), 3 déjà présent(s)" in demo.load()
    assert Organisation.objects.count() == 3 and Membership.objects.count() == 3
    assert siret.is_valid(demo.OF_SIRET)
    of = Organisation.objects.get(kind="organisme")
    assert of.nom == "Institut de formation des élus du Loiret — fictif"
    assert Organisation.objects.get(kind="collectivite").collectivite_code == "45234"
    lines = "\n".join(demo.accounts())
    for email, *_ in (demo.GESTIONNAIRE, demo.OF_ADMIN, demo.COLLECTIVITE_AGENT):
        user = User.objects.get(username=email)
        assert user.check_password(demo.PASSWORD)
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        secret = demo.totp_secret(email)
        assert secret in lines
        # The printed base32 secret is the device's key: an app fed with it produces accepted codes.
        assert b32decode(secret) == device.bin_key
        code = totp(b32decode(secret), step=30, t0=0, digits=6, drift=0)
        assert device.verify_token(code)
    assert User.objects.get(username=demo.GESTIONNAIRE[0]).kind == User.Kind.GESTIONNAIRE
    assert User.objects.get(username=demo.OF_ADMIN[0]).kind == User.Kind.ORGANISME
    assert User.objects.get(username=demo.COLLECTIVITE_AGENT[0]).kind == User.Kind.COLLECTIVITE
