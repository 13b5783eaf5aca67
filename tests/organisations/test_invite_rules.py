"""Who may invite whom (dife.organisations.perms / services.invite)."""

import pytest

from dife.audit.models import Event
from dife.organisations.models import Invitation, Membership
from dife.organisations.services import NotAllowed, OrganisationError, invite

ADMIN, AGENT = Membership.Role.ADMIN, Membership.Role.AGENT


def test_gestionnaire_invites_the_administrator_of_any_of_or_collectivite(
    gestionnaire, of_org, other_of_org, collectivite_org, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        for org in (of_org, other_of_org, collectivite_org):
            invite(by=gestionnaire, email=f"Admin@{org.pk}.Example.test ", organisation=org, role=ADMIN)
    assert sorted(Invitation.objects.values_list("email", flat=True)) == sorted(
        f"admin@{org.pk}.example.test" for org in (of_org, other_of_org, collectivite_org)
    )
    assert len(mailoutbox) == 3
    assert Event.objects.filter(action="organisations.invitation.sent", actor=gestionnaire).count() == 3


def test_gestionnaire_invites_administrators_not_agents_of_partners(gestionnaire, of_org):
    with pytest.raises(NotAllowed):
        invite(by=gestionnaire, email="agent@of.test", organisation=of_org, role=AGENT)


def test_agency_administrator_invites_gestionnaires_but_an_agency_agent_does_not(
    gestionnaire, gestionnaire_agent, agency_org
):
    invitation = invite(by=gestionnaire, email="new@agence.test", organisation=agency_org, role=AGENT)
    assert invitation.organisation == agency_org
    with pytest.raises(NotAllowed):
        invite(by=gestionnaire_agent, email="other@agence.test", organisation=agency_org, role=AGENT)


def test_gestionnaire_agent_still_invites_partner_administrators(gestionnaire_agent, of_org):
    assert invite(by=gestionnaire_agent, email="a@of.test", organisation=of_org, role=ADMIN).pk


def test_of_administrator_invites_colleagues_of_its_own_organisation_only(of_admin, of_org, other_of_org):
    for role in (ADMIN, AGENT):
        invite(by=of_admin, email=f"new-{role}@organisme-a.test", organisation=of_org, role=role)
    with pytest.raises(NotAllowed):
        invite(by=of_admin, email="x@organisme-b.test", organisation=other_of_org, role=ADMIN)
    assert not Invitation.objects.filter(organisation=other_of_org).exists()


def test_of_administrator_cannot_invite_into_the_agency_or_a_collectivite(
    of_admin, agency_org, collectivite_org
):
    for org in (agency_org, collectivite_org):
        with pytest.raises(NotAllowed):
            invite(by=of_admin, email="x@y.test", organisation=org, role=ADMIN)


@pytest.mark.parametrize("role", [ADMIN, AGENT])
def test_an_agent_cannot_invite(of_agent, collectivite_agent, of_org, collectivite_org, role):
    with pytest.raises(NotAllowed):
        invite(by=of_agent, email="x@organisme-a.test", organisation=of_org, role=role)
    with pytest.raises(NotAllowed):
        invite(by=collectivite_agent, email="x@orleans.test", organisation=collectivite_org, role=role)
    assert not Invitation.objects.exists()


def test_an_elu_cannot_invite(elu, of_org):
    with pytest.raises(NotAllowed):
        invite(by=elu, email="x@y.test", organisation=of_org, role=ADMIN)


def test_unknown_role_is_refused(gestionnaire, of_org):
    with pytest.raises(NotAllowed):
        invite(by=gestionnaire, email="x@y.test", organisation=of_org, role="superadmin")


def test_bad_address_and_existing_account_are_refused_with_french_messages(gestionnaire, of_admin, of_org):
    with pytest.raises(OrganisationError) as bad:
        invite(by=gestionnaire, email="pas-une-adresse", organisation=of_org, role=ADMIN)
    assert bad.value.field == "email" and "Adresse e-mail invalide" in bad.value.message
    with pytest.raises(OrganisationError) as taken:
        invite(by=gestionnaire, email=of_admin.email.upper(), organisation=of_org, role=ADMIN)
    assert "déjà celle d'un compte" in taken.value.message


def test_a_new_invitation_replaces_the_pending_one(of_admin, of_org):
    first = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role=AGENT)
    second = invite(by=of_admin, email="c@organisme-a.test", organisation=of_org, role=ADMIN)
    first.refresh_from_db()
    assert first.revoked_at is not None and second.revoked_at is None
    assert list(Invitation.objects.pending()) == [second]
