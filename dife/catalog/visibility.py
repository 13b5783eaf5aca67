"""Who sees an action of the catalog, and how much of it (the formation page, its calendars, and any
later entry point such as the OF API).

* a listed action (action and formation published): everyone; a mandate training is reserved to élus,
  so anyone else sees it as unavailable (with a way to sign in);
* a closed action (action or formation closed): still visible, no session offered;
* a draft (action or formation in draft): invisible, except to the provider's own staff, who see a
  preview (with the eligibility reasons).
"""

from __future__ import annotations

from dataclasses import dataclass

from dife.accounts.perms import is_elu, is_organisme
from dife.catalog import perms
from dife.catalog.models import Action, Status


@dataclass(frozen=True)
class Visibility:
    visible: bool  # False: the action does not exist for this user (404)
    owner: bool  # the provider's staff: a preview, with the eligibility reasons
    draft: bool
    closed: bool  # no longer offered: no session, no calendar
    reserved: bool  # a mandate training seen by someone who is not an élu: unavailable

    @property
    def calendars_offered(self) -> bool:
        """The sessions' calendars (.ics) may be downloaded."""
        return self.visible and not self.closed and not self.reserved


def visibility(user, action: Action) -> Visibility:
    """What ``user`` (anonymous included) may see of ``action`` (its formation loaded or loadable)."""
    formation = action.formation
    owner = is_organisme(user) and perms.can_edit_catalog(user, formation.organisme)
    draft = Status.DRAFT in (action.status, formation.status)
    return Visibility(
        visible=owner or not draft,
        owner=owner,
        draft=draft,
        closed=not draft and Status.CLOSED in (action.status, formation.status),
        reserved=formation.is_mandat and not is_elu(user) and not owner,
    )
