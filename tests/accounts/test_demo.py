import pytest

from devtools.demo import accounts as demo
from dife.accounts.models import User
from dife.accounts.selectors import find_elu_by_nir
from dife.mandates.matching import persons_of_account
from dife.mandates.models import Person

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_idempotent_and_one_is_a_compte_elu(communes):
    assert demo.load() == "Comptes élus : 2 créé(s), 0 déjà présent(s)"
    assert demo.load() == "Comptes élus : 0 créé(s), 2 déjà présent(s)"
    assert User.objects.filter(kind=User.Kind.ELU).count() == 2
    assert Person.objects.filter(nom="MAQUETTE").count() == 1
    elise = find_elu_by_nir(demo.ELISE["nir"])
    marc = find_elu_by_nir(demo.MARC["nir"])
    assert elise.check_password(demo.PASSWORD) and marc.check_password(demo.PASSWORD)
    assert [p.nom for p in persons_of_account(elise)] == ["MAQUETTE"]
    assert persons_of_account(marc) == []
    assert elise.elu_profile.commune == communes["orleans"]
    lines = demo.accounts()
    assert demo.ELISE["nir"] in lines[0] and demo.PASSWORD in lines[0] and demo.MARC["nir"] in lines[1]


def test_demo_works_without_reference_data(db):
    demo.load()
    assert find_elu_by_nir(demo.ELISE["nir"]).elu_profile.commune is None
