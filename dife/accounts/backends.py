"""Sign-in of élus with their NIR and password.

The account is found through the NIR's keyed hash. When no account matches, a password is hashed
anyway so that an unknown NIR and a wrong password take the same time (no account enumeration by
timing). Only active élu accounts can sign in here; staff use their own sign-in.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from dife.accounts import nir as nir_module
from dife.accounts.models import User


class NirBackend(ModelBackend):
    def authenticate(self, request, nir=None, password=None, **kwargs):
        if nir is None or password is None:
            return None
        user = None
        if nir_module.is_valid(nir):
            user = (
                User.objects.filter(kind=User.Kind.ELU, elu_profile__nir_hash=nir_module.keyed_hash(nir))
                .select_related("elu_profile")
                .first()
            )
        if user is None:
            User().set_password(password)  # same cost as checking a real password
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
