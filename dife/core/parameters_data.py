"""The dated parameters of the platform: one entry per rule that can change, with its sources.

To change a value: add a new (value, start, source) tuple after the current one — never edit or
delete a past value, dossiers and ledgers were computed with it. Keep money at two decimals.
The registry is checked when this module is imported (types, order, sources).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from dife.core.parameters import Unit, build_registry, param

# The national service "Mon Compte Élu" opened on 2022-01-01 (décret 2021-1708 du 17/12/2021, in force
# on 1 January 2022); the rules of its general terms and of the platform start on that day.
SERVICE_START = date(2022, 1, 1)
MCF_CGU = "Conditions générales d'utilisation de Mon Compte Formation (espace élu, espace organismes)"

REGISTRY = build_registry(
    [
        # --- Rights (PRODUCT.md §3, §8) -------------------------------------------------------
        param(
            "dife.annual_credit",
            "Valeur des droits DIFE acquis chaque année",
            Unit.EUR,
            (
                D("400.00"),
                date(2021, 1, 1),
                "Arrêté du 12 juillet 2021 (JORF du 21/07/2021), art. 1er : 400 € à compter de l'année 2021",
            ),
        ),
        param(
            "dife.ceiling",
            "Montant maximal des droits DIFE détenus par un élu (plafond)",
            Unit.EUR,
            (
                D("1500.00"),
                date(2021, 1, 1),
                "Arrêté du 12 juillet 2021, art. 2-I : 1 500 € jusqu'au 31/12/2021",
            ),
            (
                D("700.00"),
                date(2022, 1, 1),
                "Arrêté du 12 juillet 2021, art. 2-III : 700 € à compter du 01/01/2022",
            ),
            (
                D("800.00"),
                date(2023, 3, 30),
                "Arrêté du 27 mars 2023 modifiant l'arrêté du 12 juillet 2021 (JORF n° 75 du 29/03/2023), "
                "en vigueur le lendemain de sa publication",
            ),
        ),
        param(
            "dife.credit_2021_date",
            "Date d'inscription dérogatoire des droits 2021 pour les élus en fonction en 2021",
            Unit.DATE,
            (
                date(2021, 7, 23),
                date(2021, 5, 17),
                "Décret n° 2021-596 du 14 mai 2021, art. 14 (JORF du 16/05/2021 ; art. 13 à 16 en vigueur le "
                "lendemain de la publication)",
            ),
        ),
        param(
            "mandates.reconversion_window_months",
            "Délai après la fin du dernier mandat pour achever une formation de reconversion",
            Unit.MONTHS,
            (6, SERVICE_START, "PRODUCT.md §3 (pages élus de moncompteformation.gouv.fr)"),
        ),
        # --- Catalog eligibility (§4) -----------------------------------------------------------
        param(
            "catalog.mandate_hourly_cost_cap",
            "Coût horaire maximal des frais pédagogiques d'une formation liée au mandat "
            "(HT, par heure et par élu)",
            Unit.EUR_HT_PER_HOUR,
            (
                D("80.00"),
                date(2021, 2, 25),
                "Arrêté du 16 février 2021 portant fixation du coût horaire maximal des frais pédagogiques "
                "(JORF du 24/02/2021), art. 1er. Date d'effet supposée : lendemain de la publication.",
            ),
        ),
        # --- Enrollment delays (§5, §8) ----------------------------------------------------------
        param(
            "enrollment.of_answer_business_days",
            "Délai de réponse de l'organisme à une demande d'inscription",
            Unit.BUSINESS_DAYS,
            (2, SERVICE_START, f"{MCF_CGU} ; guide de l'AMG (seed 001) : « 2 jours ouvrés »"),
        ),
        param(
            "enrollment.elu_confirmation_business_days",
            "Délai de confirmation de l'inscription par l'élu après la proposition de l'organisme",
            Unit.BUSINESS_DAYS,
            (4, SERVICE_START, f"{MCF_CGU} ; guide de l'AMG (seed 001) : « 4 jours ouvrés »"),
        ),
        param(
            "enrollment.declaration_business_days",
            "Délai de déclaration d'entrée et de sortie de formation par l'organisme",
            Unit.BUSINESS_DAYS,
            (3, SERVICE_START, f"{MCF_CGU} (aide aux organismes : déclarations d'entrée et de sortie)"),
        ),
        param(
            "enrollment.proposal_lead_business_days",
            "Délai minimal entre la proposition de l'organisme et le début de la session",
            Unit.BUSINESS_DAYS,
            (
                11,
                SERVICE_START,
                f"{MCF_CGU} ; guides des AMF 45 et 42 (seeds 000, 003) : « 11 jours ouvrés »",
            ),
        ),
        param(
            "enrollment.free_cancellation_business_days",
            "Délai d'annulation sans frais par l'élu avant le début de la session",
            Unit.BUSINESS_DAYS,
            (7, SERVICE_START, f"{MCF_CGU} (reprises par le seed 001) : « 7 jours ouvrés ou plus »"),
        ),
        param(
            "enrollment.withdrawal_calendar_days",
            "Délai de rétractation après la confirmation de l'inscription (annulation sans frais)",
            Unit.CALENDAR_DAYS,
            (
                14,
                SERVICE_START,
                f"{MCF_CGU} ; Code de la consommation, art. L221-18 (contrats conclus à distance)",
            ),
        ),
        # --- Settlement (§5, §8) -----------------------------------------------------------------
        param(
            "settlement.late_cancellation_rate",
            "Indemnité due à l'organisme en cas d'annulation tardive ou d'absence (part du prix)",
            Unit.RATE,
            (D("0.05"), SERVICE_START, f"{MCF_CGU} (seed 001) : « 5 % du prix de la formation »"),
        ),
        param(
            "settlement.attendance_low_threshold",
            "Seuil d'assiduité en dessous duquel l'organisme reçoit un forfait",
            Unit.RATE,
            (D("0.25"), SERVICE_START, f"{MCF_CGU} (seed 001) : assiduité inférieure à 25 %"),
        ),
        param(
            "settlement.attendance_low_payment_rate",
            "Forfait versé à l'organisme quand l'assiduité est sous le seuil bas (part du prix)",
            Unit.RATE,
            (D("0.25"), SERVICE_START, f"{MCF_CGU} (seed 001) : « 25 % du prix de la formation »"),
        ),
        param(
            "settlement.attendance_full_threshold",
            "Seuil d'assiduité au-dessus duquel (strictement) la formation est payée entièrement",
            Unit.RATE,
            (D("0.80"), SERVICE_START, f"{MCF_CGU} (seed 001) : assiduité strictement supérieure à 80 %"),
        ),
        # --- Funding and payments (§6) -----------------------------------------------------------
        param(
            "funding.collectivite_max_rate",
            "Part maximale du coût de la formation que la collectivité peut financer",
            Unit.RATE,
            (
                D("0.75"),
                SERVICE_START,
                "Guide de l'AML 45 (seed 000) : « au maximum 75 % du coût de la formation »",
            ),
        ),
        param(
            "funding.of_payment_calendar_days",
            "Délai de paiement de l'organisme après validation du service fait",
            Unit.CALENDAR_DAYS,
            (30, SERVICE_START, f"{MCF_CGU} ; PRODUCT.md §6"),
        ),
        # --- Frais THR (§6): civil-service mission scale, arrêté du 3 juillet 2006 as amended ---
        param(
            "expenses.meal",
            "Indemnité de repas (forfait)",
            Unit.EUR,
            (
                D("15.25"),
                date(2019, 3, 1),
                "Arrêté du 3 juillet 2006 modifié, art. 1er ; taux inchangé par l'arrêté du 26 février 2019 "
                "(début de l'historique tenu ici)",
            ),
            (D("17.50"), date(2020, 1, 1), "Arrêté du 11 octobre 2019 modifiant l'arrêté du 3 juillet 2006"),
            (
                D("20.00"),
                date(2023, 9, 22),
                "Arrêté du 20 septembre 2023 modifiant l'arrêté du 3 juillet 2006 (JORF du 21/09/2023), "
                "applicable aux missions effectuées à compter du 22/09/2023",
            ),
        ),
        param(
            "expenses.night_base",
            "Indemnité de nuitée, petit-déjeuner inclus (taux de base)",
            Unit.EUR,
            (
                D("70.00"),
                date(2019, 3, 1),
                "Arrêté du 26 février 2019 (JORF du 28/02/2019), au 1er mars 2019",
            ),
            (D("90.00"), date(2023, 9, 22), "Arrêté du 20 septembre 2023 (JORF du 21/09/2023)"),
        ),
        param(
            "expenses.night_large_city",
            "Indemnité de nuitée : villes de 200 000 habitants ou plus "
            "et communes de la Métropole du Grand Paris",
            Unit.EUR,
            (
                D("90.00"),
                date(2019, 3, 1),
                "Arrêté du 26 février 2019 (JORF du 28/02/2019), au 1er mars 2019",
            ),
            (D("120.00"), date(2023, 9, 22), "Arrêté du 20 septembre 2023 (JORF du 21/09/2023)"),
        ),
        param(
            "expenses.night_paris",
            "Indemnité de nuitée : commune de Paris",
            Unit.EUR,
            (
                D("110.00"),
                date(2019, 3, 1),
                "Arrêté du 26 février 2019 (JORF du 28/02/2019), au 1er mars 2019",
            ),
            (D("140.00"), date(2023, 9, 22), "Arrêté du 20 septembre 2023 (JORF du 21/09/2023)"),
        ),
        # --- Accounts and identity (§2) ----------------------------------------------------------
        param(
            "identity.manual_verification_target_days",
            "Délai cible de décision sur une vérification manuelle d'identité",
            Unit.CALENDAR_DAYS,
            (14, SERVICE_START, "Guides des AML 45 et AMF 42 (seeds 000, 003) : « maximum deux semaines »"),
        ),
        param(
            "accounts.email_code_validity_minutes",
            "Durée de validité du code de confirmation envoyé par courriel",
            Unit.MINUTES,
            (15, SERVICE_START, "Choix de la plateforme (PRODUCT.md §2 : code à 6 chiffres)"),
        ),
        param(
            "accounts.email_code_max_attempts",
            "Nombre maximal d'essais pour un code de confirmation",
            Unit.COUNT,
            (5, SERVICE_START, "Choix de la plateforme (PRODUCT.md §2 : code à 6 chiffres)"),
        ),
        param(
            "accounts.password_min_length",
            "Longueur minimale du mot de passe",
            Unit.CHARACTERS,
            (
                12,
                SERVICE_START,
                "Délibération CNIL n° 2022-100 du 21 juillet 2022 (recommandation mots de passe) ; "
                "PRODUCT.md §2",
            ),
        ),
    ]
)
