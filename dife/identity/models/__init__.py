from dife.identity.models.franceconnect import FranceConnectAuthRequest, FranceConnectLink
from dife.identity.models.verification import IdentityVerification, VerificationTransition

__all__ = ["FranceConnectAuthRequest", "FranceConnectLink", "IdentityVerification", "VerificationTransition"]
