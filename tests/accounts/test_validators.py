"""Validators with good and bad values: NIR (keys, Corsica), phone prefixes (overseas, +33), passwords."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dife.accounts import nir, passwords, phones

# --- NIR ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, compact",
    [
        ("184127512345640", "184127512345640"),
        ("1 84 12 75 123 456 40", "184127512345640"),
        ("1.84.12.75.123.456.40", "184127512345640"),
        ("1-84-12-75-123-456-40", "184127512345640"),
        ("271054523411879", "271054523411879"),
        # Corsica: 2A counts as 19 and 2B as 18 in the key computation.
        ("1 82 09 2A 004 031 68", "182092A00403168"),
        ("1 82 09 2a 004 031 68", "182092A00403168"),
        ("1 82 09 2B 004 031 95", "182092B00403195"),
        ("2 90 02 2A 123 456 78", "290022A12345678"),
        # Born abroad (département 99), unknown month conventions (20–42, 50–99).
        ("2 90 02 99 134 077 04", "290029913407704"),
    ],
)
def test_valid_nir(value, compact):
    assert nir.validate(value) == compact
    assert nir.is_valid(value)


@pytest.mark.parametrize(
    "value, code",
    [
        ("184127512345641", "checksum"),  # wrong key
        ("182092A00403195", "checksum"),  # the 2B key on a 2A number
        ("182092B00403168", "checksum"),  # the 2A key on a 2B number
        ("18412751234564", "format"),  # 14 characters
        ("1841275123456400", "format"),  # 16 characters
        ("1 84 12 2C 123 456 40", "format"),  # not a Corsican code
        ("A84127512345640", "format"),
        ("", "required"),
    ],
)
def test_invalid_nir(value, code):
    with pytest.raises(ValidationError) as error:
        nir.validate(value)
    assert error.value.code == code
    assert value.replace(" ", "") not in " ".join(error.value.messages) or not value  # never echoed


def test_nir_with_an_impossible_sex_digit_or_month():
    from stdnum.fr import nir as stdnum_nir

    for first13 in ("5841275123456", "1841375123456", "1840075123456", "1844575123456"):
        number = first13 + stdnum_nir.calc_check_digits(first13 + "00")
        assert stdnum_nir.is_valid(number)  # the library only checks the key…
        assert not nir.is_valid(number)  # …we also check the sex digit and the month


def test_nir_mask_hash_and_cipher():
    assert nir.mask("1 84 12 75 123 456 40") == "1 84 12 •• ••• ••• 40"
    assert nir.keyed_hash("1 84 12 75 123 456 40") == nir.keyed_hash("184127512345640")
    assert len(nir.keyed_hash("184127512345640")) == 64
    token = nir.encrypt("1 84 12 75 123 456 40")
    assert "184127512345640" not in token
    assert nir.decrypt(token) == "184127512345640"
    assert nir.encrypt("184127512345640") != token  # random IV: equal NIRs do not look equal


def test_nir_hash_depends_on_the_key(settings):
    before = nir.keyed_hash("184127512345640")
    settings.NIR_HASH_KEY = "another-key-of-at-least-thirty-two-characters"
    assert nir.keyed_hash("184127512345640") != before


def test_nir_key_rotation(settings):
    from cryptography.fernet import Fernet

    old = settings.NIR_ENCRYPTION_KEY
    token = nir.encrypt("184127512345640")
    settings.NIR_ENCRYPTION_KEY = f"{Fernet.generate_key().decode()},{old}"
    assert nir.decrypt(token) == "184127512345640"  # the old key still reads


def test_nir_facts():
    facts = nir.facts("182092A00403168")
    assert (facts.sexe, facts.birth_year_2digits, facts.birth_month, facts.birthplace) == (
        "M",
        "82",
        9,
        "2A004",
    )
    born_abroad = nir.facts("290029913407704")
    assert (born_abroad.sexe, born_abroad.birth_month, born_abroad.birthplace[:2]) == ("F", 2, "99")


def test_nir_facts_unknown_month():
    from stdnum.fr import nir as stdnum_nir

    first13 = "2903099134077"
    number = first13 + stdnum_nir.calc_check_digits(first13 + "00")
    assert nir.facts(number).birth_month is None


# --- Phones ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, e164",
    [
        ("0612345678", "+33612345678"),
        ("06 12 34 56 78", "+33612345678"),
        ("06.12.34.56.78", "+33612345678"),
        ("07-56-12-34-56", "+33756123456"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33612345678", "+33612345678"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        # Overseas mobiles: phonenumbers rejects them under FR, the overseas regions accept them.
        ("0690 12 34 56", "+590690123456"),  # Guadeloupe
        ("0696 12 34 56", "+596696123456"),  # Martinique
        ("0694 12 34 56", "+594694123456"),  # Guyane
        ("0692 12 34 56", "+262692123456"),  # La Réunion
        ("+33 6 90 12 34 56", "+590690123456"),
        ("+590 690 12 34 56", "+590690123456"),
    ],
)
def test_valid_mobile(raw, e164):
    assert phones.normalize(raw, phones.MOBILE) == e164


@pytest.mark.parametrize(
    "raw, e164",
    [
        ("01 23 45 67 89", "+33123456789"),
        ("02 38 12 34 56", "+33238123456"),
        ("03 12 34 56 78", "+33312345678"),
        ("04 72 12 34 56", "+33472123456"),
        ("05 56 12 34 56", "+33556123456"),
        ("09 12 34 56 78", "+33912345678"),
        ("+33 1 23 45 67 89", "+33123456789"),
        ("0262 12 34 56", "+262262123456"),  # La Réunion
        ("0590 27 12 34", "+590590271234"),  # Saint-Barthélemy
        ("0594 12 34 56", "+594594123456"),  # Guyane
    ],
)
def test_valid_fixe(raw, e164):
    assert phones.normalize(raw, phones.FIXE) == e164


@pytest.mark.parametrize(
    "raw, kind",
    [
        ("0812345678", phones.MOBILE),  # 08 is neither
        ("0812345678", phones.FIXE),
        ("0123456789", phones.MOBILE),  # a fixed number in the mobile field
        ("0612345678", phones.FIXE),  # a mobile in the fixed field
        ("061234567", phones.MOBILE),  # 9 digits
        ("06123456789", phones.MOBILE),  # 11 digits
        ("06 12 AB 56 78", phones.MOBILE),
        ("+44 7700 900123", phones.MOBILE),  # not French
        ("0612", phones.MOBILE),
        ("", phones.MOBILE),
    ],
)
def test_invalid_phone(raw, kind):
    with pytest.raises(ValidationError) as error:
        phones.normalize(raw, kind)
    assert "10 chiffres" in error.value.messages[0]


def test_phone_display():
    assert phones.display("+33612345678") == "06 12 34 56 78"
    assert phones.display("+590690123456") == "06 90 12 34 56"
    assert phones.display("") == ""


# --- Passwords ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password", ["Tres-Bon-Motdepasse-42", "Élu·e du Loiret 2026", "x9!Kq#rT2vLm", "Ab1!Ab1!Ab1!"]
)
def test_good_passwords(password):
    passwords.check(password)


@pytest.mark.parametrize(
    "password, message",
    [
        ("Court-1!", "au moins 12 caractères"),
        ("tout-en-minuscules-1", "au moins une lettre majuscule"),
        ("TOUT-EN-MAJUSCULES-1", "au moins une lettre minuscule"),
        ("Pas-De-Chiffre-Ici!", "au moins un chiffre"),
        ("SansCaractere1Special", "au moins un caractère spécial"),
        ("N8zgt5p0shw=", "trop courant"),  # in Django's list of common passwords (case-insensitive)
        ("Password1234!", None),  # not in the list: accepted (checked below)
    ],
)
def test_bad_passwords(password, message):
    if message is None:
        passwords.check(password)
        return
    with pytest.raises(ValidationError) as error:
        passwords.check(password)
    assert any(message in m for m in error.value.messages)


def test_every_broken_rule_is_listed():
    with pytest.raises(ValidationError) as error:
        passwords.check("zqxwvk")
    assert len(error.value.messages) == 4  # length, upper case, digit, special character
