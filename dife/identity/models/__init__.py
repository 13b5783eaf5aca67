from dife.identity.models.franceconnect import FranceConnectAuthRequest, FranceConnectLink
from dife.identity.models.verification import IdentityVerification

__all__ = ["FranceConnectAuthRequest", "FranceConnectLink", "IdentityVerification"]
