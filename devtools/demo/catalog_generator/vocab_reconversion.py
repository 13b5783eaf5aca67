"""Vocabulary of the demo's reconversion offers: certifications with their programme items.

The certification labels are common French professional certifications; the codes the generator
gives them are FICTIONAL (RNCP9xxxx / RS9xxx, outside the ranges the registers use today) so a demo
code is never mistaken for a real one.
"""

from __future__ import annotations

# (kind, label, programme items)
CERTIFICATIONS: list[tuple[str, str, list[str]]] = [
    (
        "RNCP",
        "Titre professionnel Secrétaire assistant",
        [
            "Accueil et orientation du public",
            "Traitement du courrier et des dossiers",
            "Rédaction de documents professionnels",
            "Suivi administratif des ressources humaines",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Comptable assistant",
        [
            "Tenue de la comptabilité courante",
            "Déclarations de TVA",
            "Rapprochements bancaires",
            "Préparation des opérations de fin d'exercice",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Gestionnaire de paie",
        [
            "Établissement des bulletins de paie",
            "Déclarations sociales nominatives",
            "Veille sur la réglementation sociale",
            "Gestion des absences et des congés",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Assistant ressources humaines",
        [
            "Recrutement et intégration des salariés",
            "Gestion administrative du personnel",
            "Plan de développement des compétences",
            "Entretiens professionnels",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Conseiller en insertion professionnelle",
        [
            "Accueil et diagnostic des publics",
            "Construction de parcours d'insertion",
            "Relations avec les entreprises du territoire",
            "Animation d'ateliers collectifs",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Médiateur social accès aux droits et services",
        [
            "Médiation entre habitants et institutions",
            "Accompagnement dans les démarches en ligne",
            "Prévention et gestion des conflits",
            "Travail en réseau avec les partenaires sociaux",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Formateur professionnel d'adultes",
        [
            "Conception d'une action de formation",
            "Animation de séquences en présentiel et à distance",
            "Évaluation des acquis",
            "Accompagnement individualisé des apprenants",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Développeur web et web mobile",
        [
            "Maquettage d'une application",
            "Développement d'interfaces web",
            "Bases de données",
            "Développement côté serveur et sécurité",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Technicien d'assistance en informatique",
        [
            "Mise en service d'un poste de travail",
            "Assistance aux utilisateurs",
            "Réseaux et sécurité informatique",
            "Gestion d'un parc informatique",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Responsable de petite et moyenne structure",
        [
            "Pilotage commercial et financier",
            "Management d'équipe",
            "Gestion des ressources humaines",
            "Stratégie et développement de l'activité",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Négociateur technico-commercial",
        [
            "Prospection et développement du portefeuille clients",
            "Négociation commerciale",
            "Veille concurrentielle",
            "Suivi de la relation client",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Assistant de vie aux familles",
        [
            "Entretien du logement et du linge",
            "Accompagnement des personnes âgées",
            "Garde d'enfants à domicile",
            "Prévention des risques au domicile",
        ],
    ),
    (
        "RNCP",
        "CAP Accompagnant éducatif petite enfance",
        [
            "Développement du jeune enfant",
            "Soins du quotidien et hygiène",
            "Activités d'éveil",
            "Relations avec les familles",
        ],
    ),
    (
        "RNCP",
        "CAP Cuisine",
        [
            "Techniques culinaires de base",
            "Hygiène et sécurité alimentaire",
            "Organisation du poste",
            "Production et dressage des plats",
        ],
    ),
    (
        "RNCP",
        "CAP Jardinier paysagiste",
        [
            "Entretien des espaces verts",
            "Travaux de plantation",
            "Maçonnerie paysagère",
            "Gestion différenciée et écologique",
        ],
    ),
    (
        "RNCP",
        "Licence professionnelle Métiers de l'administration territoriale",
        [
            "Droit des collectivités territoriales",
            "Finances publiques locales",
            "Conduite de projets publics",
            "Management des services",
        ],
    ),
    (
        "RNCP",
        "Diplôme d'État d'accompagnant éducatif et social",
        [
            "Accompagnement de la personne dans les actes essentiels",
            "Animation de la vie sociale",
            "Travail en équipe pluriprofessionnelle",
            "Projet personnalisé",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Gestionnaire comptable et fiscal",
        [
            "Travaux de clôture des comptes",
            "Déclarations fiscales",
            "Analyse de la rentabilité",
            "Tableaux de bord de gestion",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Agent de restauration",
        [
            "Préparation des entrées et desserts",
            "Service en restauration collective",
            "Plonge et entretien des locaux",
            "Hygiène alimentaire",
        ],
    ),
    (
        "RNCP",
        "Titre professionnel Chargé d'accueil touristique et de loisirs",
        [
            "Accueil et information des visiteurs",
            "Promotion de l'offre touristique locale",
            "Vente de prestations de loisirs",
            "Accueil en langue étrangère",
        ],
    ),
    (
        "RS",
        "Certification en anglais professionnel",
        [
            "Compréhension orale et écrite",
            "Expression en situation professionnelle",
            "Vocabulaire des affaires",
            "Préparation à l'épreuve de certification",
        ],
    ),
    (
        "RS",
        "Certification bureautique : tableur Excel",
        [
            "Formules et fonctions",
            "Tableaux croisés dynamiques",
            "Graphiques",
            "Mise en forme conditionnelle",
        ],
    ),
    (
        "RS",
        "Certification bureautique : traitement de texte Word",
        [
            "Mise en page de documents longs",
            "Styles et tables des matières",
            "Publipostage",
            "Travail collaboratif",
        ],
    ),
    (
        "RS",
        "Certification en orthographe et expression écrite",
        ["Règles d'accord", "Conjugaison", "Rédaction d'écrits professionnels", "Relecture efficace"],
    ),
    (
        "RS",
        "Créer et reprendre une entreprise",
        [
            "Étude de marché",
            "Choix du statut juridique",
            "Prévisionnel financier",
            "Recherche de financements",
        ],
    ),
    (
        "RS",
        "Exercer le rôle de tuteur en entreprise",
        [
            "Accueil d'un nouveau salarié",
            "Transmission des savoir-faire",
            "Évaluation de la progression",
            "Relations avec l'organisme de formation",
        ],
    ),
    (
        "RS",
        "Socle de connaissances et de compétences professionnelles (CléA)",
        [
            "Communication en français",
            "Calcul et raisonnement",
            "Usage des outils numériques",
            "Travail en équipe et autonomie",
        ],
    ),
    (
        "RS",
        "Accompagner la transition numérique d'une petite structure",
        ["Diagnostic numérique", "Outils collaboratifs", "Présence en ligne", "Cybersécurité de base"],
    ),
    (
        "RS",
        "Langue des signes française : niveau A1",
        [
            "Alphabet et expressions courantes",
            "Se présenter",
            "Comprendre des échanges simples",
            "Culture sourde",
        ],
    ),
    (
        "RS",
        "Gestion de projet : méthodes agiles",
        ["Principes de l'agilité", "Organisation d'un sprint", "Rôles et rituels", "Outils de suivi"],
    ),
]

TITLE_TEMPLATES = [
    "{label}",
    "{label} — parcours complet",
    "{label} — parcours individualisé",
    "Préparer : {label}",
    "{label} — à votre rythme",
]

POINTS_FORTS = [
    "Un parcours adapté à votre expérience d'élu et à votre projet professionnel.",
    "Accompagnement individuel par un formateur référent.",
    "Préparation complète aux épreuves de la certification.",
    "Stage en entreprise possible pour valider votre projet.",
    "Entrées et sorties tout au long de l'année.",
    "Taux de réussite à la certification publié chaque année.",
]

OBJECTIFS = (
    "Obtenir la certification « {label} » et acquérir les compétences attendues pour exercer le métier "
    "après votre mandat."
)
