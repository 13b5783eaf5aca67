"""Password-reset links for élus: single use (the token hashes the password and the last sign-in,
both change when it is used) and valid one hour, whatever PASSWORD_RESET_TIMEOUT says."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

# TODO(parameters): "accounts.password_reset_validity_minutes" is not a dated parameter yet.
RESET_LINK_VALIDITY_SECONDS = 3600


class EluPasswordResetTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "dife.accounts.tokens.EluPasswordResetTokenGenerator"

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - timestamp <= RESET_LINK_VALIDITY_SECONDS


reset_tokens = EluPasswordResetTokenGenerator()
