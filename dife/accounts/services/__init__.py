"""Write-side of accounts. The élu-account services are re-exported for other apps (identity)."""

from dife.accounts.services.elus import (
    NirAlreadyRegistered,
    PostalAddress,
    complete_elu_identity,
    create_elu_account,
)

__all__ = ["NirAlreadyRegistered", "PostalAddress", "complete_elu_identity", "create_elu_account"]
