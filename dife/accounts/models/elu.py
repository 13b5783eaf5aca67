"""What the platform knows about an élu account holder (part of the ``dife.accounts.models`` package).

Identity fields used to recognise the élu in the mandate registry (``prenoms``, ``date_naissance``)
are written only from verified sources: FranceConnect+ claims or a rattachement request a
gestionnaire approved after seeing an ID. The wizard asks only the NIR and the birth name.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from dife.accounts import nir as nir_module
from dife.accounts.choices import Diplome, IndiceRepetition, Sexe, TypeVoie


class EluProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="elu_profile", verbose_name="compte"
    )
    nir_encrypted = models.TextField("NIR chiffré", editable=False)
    nir_hash = models.CharField("empreinte du NIR", max_length=64, unique=True, editable=False)

    nom_naissance = models.CharField("nom de naissance", max_length=200)
    nom_naissance_cle = models.CharField(
        "nom de naissance replié",
        max_length=200,
        db_index=True,
        editable=False,
        help_text="sans accents, casse, espaces ni tirets (dife.mandates.matching.fold)",
    )
    prenoms = models.CharField("prénoms", max_length=300, blank=True)
    date_naissance = models.DateField("date de naissance", null=True, blank=True)
    sexe = models.CharField("sexe", max_length=1, choices=Sexe.choices, blank=True)
    lieu_naissance = models.CharField(
        "lieu de naissance (code INSEE)",
        max_length=5,
        blank=True,
        help_text="code INSEE de la commune de naissance, ou 99 suivi du code du pays pour l'étranger",
    )

    telephone_mobile = models.CharField("téléphone mobile (E.164)", max_length=16, blank=True)
    telephone_fixe = models.CharField("téléphone fixe (E.164)", max_length=16, blank=True)
    email_confirmed_at = models.DateTimeField("adresse email confirmée le", null=True, blank=True)

    numero_voie = models.CharField("numéro de voie", max_length=5, blank=True)
    indice_repetition = models.CharField(
        "indice de répétition", max_length=1, choices=IndiceRepetition.choices, blank=True
    )
    type_voie = models.CharField("type de voie", max_length=4, choices=TypeVoie.choices, blank=True)
    nom_voie = models.CharField("nom de la voie", max_length=200, blank=True)
    complement_adresse = models.CharField("complément d'adresse", max_length=200, blank=True)
    lieu_dit = models.CharField("lieu dit", max_length=200, blank=True)
    commune = models.ForeignKey(
        "referentiel.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commune",
    )
    code_postal = models.CharField("code postal", max_length=5, blank=True)

    diplome = models.CharField(
        "dernier diplôme obtenu", max_length=16, choices=Diplome.choices, default=Diplome.NOT_PROVIDED
    )
    annee_obtention = models.PositiveSmallIntegerField("année d'obtention", null=True, blank=True)

    created_at = models.DateTimeField("créé le", db_default=Now())
    updated_at = models.DateTimeField("modifié le", db_default=Now())

    class Meta:
        verbose_name = "profil d'élu"
        verbose_name_plural = "profils d'élus"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(commune__isnull=True, code_postal="")
                | models.Q(commune__isnull=False, code_postal__regex=r"^[0-9]{5}$"),
                name="accounts_eluprofile_commune_with_postal_code",
            ),
            models.CheckConstraint(
                condition=models.Q(annee_obtention__isnull=True)
                | (
                    ~models.Q(diplome__in=["not_provided", "no_diploma"])
                    & models.Q(annee_obtention__gte=1900)
                ),
                name="accounts_eluprofile_year_only_with_diploma",
            ),
        ]

    def __str__(self) -> str:
        return f"Profil d'élu n° {self.pk}"

    def __repr__(self) -> str:
        # Never the NIR, even encrypted.
        return f"<EluProfile pk={self.pk} user_id={self.user_id}>"

    @property
    def nir_masque(self) -> str:
        return nir_module.mask(nir_module.decrypt(self.nir_encrypted))

    @property
    def adresse_lignes(self) -> list[str]:
        """The postal address as lines, for display."""
        voie = " ".join(
            part
            for part in (
                self.numero_voie,
                self.get_indice_repetition_display() if self.indice_repetition else "",
                self.get_type_voie_display() if self.type_voie else "",
                self.nom_voie,
            )
            if part
        )
        lines = [line for line in (voie, self.complement_adresse, self.lieu_dit) if line]
        if self.commune_id:
            lines.append(f"{self.code_postal} {self.commune.nom}")
        return lines
