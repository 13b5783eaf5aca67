"""Accepting an invitation: single use, 7 days, right kind of account."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.models import Event
from dife.organisations.models import Invitation, Membership, hash_token
from dife.organisations.services import InvitationError, accept_invitation, invite
from dife.organisations.services.invitations import INVITATION_VALIDITY

GOOD = "Tres-bon-mot2passe!"


def _accept(token, password=GOOD):
    return accept_invitation(token=token, password=password, first_name=" Léa ", last_name=" Martin ")


@pytest.mark.parametrize(
    ("org_fixture", "kind"),
    [("of_org", User.Kind.ORGANISME), ("collectivite_org", User.Kind.COLLECTIVITE)],
)
def test_acceptance_creates_a_user_of_the_organisation_kind(request, gestionnaire, org_fixture, kind):
    org = request.getfixturevalue(org_fixture)
    invitation = invite(by=gestionnaire, email="Lea.Martin@Exemple.TEST", organisation=org, role="admin")
    user = _accept(invitation.raw_token)
    assert (user.username, user.email, user.kind) == (
        "lea.martin@exemple.test",
        "lea.martin@exemple.test",
        kind,
    )
    assert (user.first_name, user.last_name) == ("Léa", "Martin")
    assert user.check_password(GOOD)
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (org, "admin")
    invitation.refresh_from_db()
    assert invitation.accepted_user == user and invitation.accepted_at is not None
    event = Event.objects.get(action="organisations.invitation.accepted")
    assert event.actor == user and event.data == {"organisation": org.pk, "role": "admin"}


def test_gestionnaire_invitation_creates_a_gestionnaire(gestionnaire, agency_org):
    invitation = invite(by=gestionnaire, email="g2@agence.test", organisation=agency_org, role="agent")
    assert _accept(invitation.raw_token).kind == User.Kind.GESTIONNAIRE


def test_only_the_hash_of_the_token_is_stored(of_admin, of_org):
    invitation = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    stored = Invitation.objects.get(pk=invitation.pk)
    assert stored.token_hash == hash_token(invitation.raw_token) != invitation.raw_token
    assert len(invitation.raw_token) >= 40


def test_invitation_is_single_use(of_admin, of_org):
    invitation = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    _accept(invitation.raw_token)
    with pytest.raises(InvitationError) as second:
        _accept(invitation.raw_token)
    assert second.value.code == "accepted"
    assert User.objects.filter(username="c@organisme-a.test").count() == 1


def test_invitation_expires_after_seven_days(of_admin, of_org):
    assert timedelta(days=7) == INVITATION_VALIDITY
    invitation = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    assert invitation.expires_at - invitation.created_at <= INVITATION_VALIDITY + timedelta(seconds=5)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(InvitationError) as expired:
        _accept(invitation.raw_token)
    assert expired.value.code == "expired" and "expiré" in expired.value.message
    assert not User.objects.filter(username="c@organisme-a.test").exists()


def test_replaced_and_unknown_tokens_are_refused(of_admin, of_org):
    first = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    with pytest.raises(InvitationError) as revoked:
        _accept(first.raw_token)
    assert revoked.value.code == "revoked"
    with pytest.raises(InvitationError) as unknown:
        _accept("not-a-token")
    assert unknown.value.code == "unknown"


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Court-1!", "au moins 12 caractères"),
        ("tout-en-minuscules-1!", "une majuscule"),
        ("Sans-Chiffre-Ici!", "un chiffre"),
        ("SansCaractereSpecial1", "caractère spécial"),
    ],
)
def test_password_policy_is_enforced_and_nothing_is_created(of_admin, of_org, password, expected):
    invitation = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    with pytest.raises(ValidationError) as error:
        _accept(invitation.raw_token, password=password)
    assert any(expected in message for message in error.value.message_dict["password"])
    assert not User.objects.filter(username="c@organisme-a.test").exists()
    assert Invitation.objects.pending().filter(pk=invitation.pk).exists()


def test_missing_names_are_reported_by_field(of_admin, of_org):
    invitation = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role="agent")
    with pytest.raises(ValidationError) as error:
        accept_invitation(token=invitation.raw_token, password=GOOD, first_name=" ", last_name="")
    assert set(error.value.message_dict) == {"first_name", "last_name"}
