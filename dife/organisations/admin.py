from django.contrib import admin

from dife.organisations.models import Invitation, Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["nom", "kind", "siret", "collectivite_type", "collectivite_code"]
    list_filter = ["kind"]
    search_fields = ["nom", "siret", "collectivite_code"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only: members join through invitations from the staff spaces (e-mail proven, journalled)."""

    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation__kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    exclude = ["token_hash"]
    readonly_fields = [
        "email",
        "organisation",
        "role",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_user",
        "revoked_at",
    ]

    def has_add_permission(self, request):
        return False  # invitations are sent from the staff spaces, which e-mail the link

    def has_change_permission(self, request, obj=None):
        return False  # read-only: revoked or accepted from the staff spaces

    def has_delete_permission(self, request, obj=None):
        return False
