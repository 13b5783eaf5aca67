"""Who may reach which space. Plain predicates plus view decorators; objects of others answer 404.

Staff (OF, gestionnaire, collectivité) sign in with a password and then a TOTP code: the predicates
below are true only once the code was accepted in this session (``user.is_verified()``). A staff user
of the right kind who has not given the code yet is sent to the code step, and comes back afterwards.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from dife.accounts.models import User

# The staff kinds (password then TOTP, spaces under /pro/): defined here only.
STAFF_KINDS = frozenset({User.Kind.ORGANISME, User.Kind.GESTIONNAIRE, User.Kind.COLLECTIVITE})

STAFF_LOGIN_URL = "/pro/connexion"
STAFF_TOTP_URL = "/pro/double-authentification"


def is_elu(user) -> bool:
    return user.is_authenticated and user.is_active and user.kind == User.Kind.ELU


def is_gestionnaire(user) -> bool:
    return _is_verified_staff(user, User.Kind.GESTIONNAIRE)


def is_organisme(user) -> bool:
    return _is_verified_staff(user, User.Kind.ORGANISME)


def is_collectivite(user) -> bool:
    return _is_verified_staff(user, User.Kind.COLLECTIVITE)


def needs_second_factor(user, kind=None) -> bool:
    """A signed-in staff user (of ``kind`` when given) who has not passed TOTP in this session."""
    return (
        user.is_authenticated
        and user.is_active
        and user.kind in STAFF_KINDS
        and (kind is None or user.kind == kind)
        and not _otp_verified(user)
    )


def _otp_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def _is_verified_staff(user, kind) -> bool:
    """Staff who move money or personal data must have passed their TOTP second factor."""
    return user.is_authenticated and user.is_active and user.kind == kind and _otp_verified(user)


def space_required(predicate, login_url: str = "/connexion", staff_kind=None):
    """Anonymous visitors go to sign-in (and come back); signed-in users of another space get a 404.

    With ``staff_kind``, a user of that kind who still owes the TOTP code goes to the code step.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url)
            if staff_kind is not None and needs_second_factor(request.user, staff_kind):
                return redirect_to_login(request.get_full_path(), STAFF_TOTP_URL)
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


elu_required = space_required(is_elu)
gestionnaire_required = space_required(
    is_gestionnaire, login_url=STAFF_LOGIN_URL, staff_kind=User.Kind.GESTIONNAIRE
)
organisme_required = space_required(is_organisme, login_url=STAFF_LOGIN_URL, staff_kind=User.Kind.ORGANISME)
collectivite_required = space_required(
    is_collectivite, login_url=STAFF_LOGIN_URL, staff_kind=User.Kind.COLLECTIVITE
)
