from django.urls import path

from dife.www.staff.views import invitations, password, signin, totp

# The namespace keeps the name of the public prefix /pro/ (the domain's e-mails reverse "pro:invitation"
# and "pro:reset").
app_name = "pro"

urlpatterns = [
    path("connexion", signin.connexion, name="connexion"),
    path("deconnexion", signin.deconnexion, name="deconnexion"),
    path("double-authentification", totp.verification, name="totp"),
    path("double-authentification/activation", totp.activation, name="totp_activation"),
    path("invitation", invitations.invitation_form, name="invitation_form"),
    path("invitation/<str:token>", invitations.invitation_link, name="invitation"),
    path("mot-de-passe-oublie", password.demande, name="mot_de_passe_oublie"),
    path("mot-de-passe/<str:uidb64>/<str:token>", password.nouveau, name="reset"),
]
