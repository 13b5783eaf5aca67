"""The audit action registry (decision 0009): one vocabulary, declared before use, old names mapped."""

from __future__ import annotations

import re

import pytest

from dife.audit import actions
from dife.audit.services import record
from dife.enrollment.states import State
from dife.reviews.models import ReviewStatus

NAME = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


def test_every_name_is_domain_object_verb_with_a_french_description():
    for name, description in actions.ACTIONS.items():
        assert NAME.match(name), name
        assert description and description[0].isupper(), name


def test_old_names_map_to_declared_names():
    assert set(actions.RENAMED.values()) <= set(actions.ACTIONS)
    assert not set(actions.RENAMED) & set(actions.ACTIONS)


def test_the_spelled_states_follow_the_state_machine_and_the_reviews():
    assert set(actions.DOSSIER_STATES) == set(State.values)
    assert set(actions.REVIEW_STEPS) == {"submitted", *ReviewStatus.values} - {ReviewStatus.PENDING}


@pytest.mark.django_db
def test_record_refuses_an_unknown_action_in_tests():
    with pytest.raises(actions.UnknownAction):
        record(action="accounts.sign_in")  # the name before decision 0009
    assert record(action="accounts.session.signed_in").pk
