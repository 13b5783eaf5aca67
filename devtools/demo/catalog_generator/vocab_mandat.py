"""Vocabulary of the demo's mandate trainings, per theme of the répertoire (fictional but plausible).

Per theme: subjects (noun phrases used in titles), competences (what the élu can do afterwards) and
programme items. Titles combine a template with a subject; texts combine a few of the theme's items.
"""

from __future__ import annotations

SUBJECTS: dict[str, list[str]] = {
    "ORG": [
        "le fonctionnement du conseil municipal",
        "les compétences de la commune",
        "le rôle du maire et des adjoints",
        "l'organisation des services municipaux",
        "les commissions municipales",
        "le règlement intérieur du conseil",
        "les délégations de fonctions et de signature",
    ],
    "STATUT": [
        "le statut de l'élu local",
        "la déontologie de l'élu",
        "la prévention des conflits d'intérêts",
        "la charte de l'élu local",
        "les droits et garanties de l'élu",
        "la conciliation du mandat et de la vie professionnelle",
    ],
    "INSTIT": [
        "l'intercommunalité",
        "les relations entre la commune et l'intercommunalité",
        "le pacte de gouvernance intercommunal",
        "les relations avec les services de l'État",
        "le rôle du conseiller communautaire",
        "les syndicats et les transferts de compétences",
    ],
    "FIN": [
        "le budget communal",
        "les finances locales",
        "le débat d'orientation budgétaire",
        "la fiscalité locale",
        "l'analyse financière de la collectivité",
        "les dotations de l'État",
        "la prospective financière",
        "la nomenclature M57",
    ],
    "COMMANDE": [
        "les marchés publics",
        "la commande publique",
        "les procédures adaptées (MAPA)",
        "la commission d'appel d'offres",
        "les achats responsables",
        "les concessions et délégations de service public",
    ],
    "DROIT": [
        "les pouvoirs de police du maire",
        "les actes administratifs de la commune",
        "la responsabilité pénale de l'élu",
        "l'état civil et les élections",
        "les arrêtés municipaux",
        "le contrôle de légalité",
    ],
    "RH": [
        "la gestion des ressources humaines",
        "le statut de la fonction publique territoriale",
        "le recrutement des agents",
        "le dialogue social dans la collectivité",
        "la prévention des risques professionnels",
        "les lignes directrices de gestion",
    ],
    "DOMAINE": [
        "la gestion du domaine public et privé de la commune",
        "le patrimoine communal",
        "les cimetières communaux",
        "la gestion des bâtiments communaux",
        "les biens vacants et sans maître",
        "les chemins ruraux",
    ],
    "URBA": [
        "l'urbanisme communal",
        "le plan local d'urbanisme",
        "les autorisations d'urbanisme",
        "la sobriété foncière et le zéro artificialisation nette",
        "la revitalisation du centre-bourg",
        "le droit de préemption",
        "l'aménagement de l'espace public",
    ],
    "ENV": [
        "la transition écologique",
        "la rénovation énergétique des bâtiments publics",
        "la gestion de l'eau et de l'assainissement",
        "la biodiversité dans la commune",
        "la gestion des déchets",
        "l'adaptation au changement climatique",
        "les énergies renouvelables sur le territoire",
    ],
    "SOCIAL": [
        "le centre communal d'action sociale",
        "l'action sociale de la commune",
        "le vieillissement et l'autonomie",
        "l'accès aux soins sur le territoire",
        "la lutte contre l'isolement",
        "l'analyse des besoins sociaux",
    ],
    "EDUC": [
        "la politique éducative locale",
        "la restauration scolaire",
        "le projet éducatif de territoire",
        "la petite enfance",
        "la politique jeunesse",
        "les accueils périscolaires",
    ],
    "CULTURE": [
        "la politique culturelle locale",
        "les relations avec les associations",
        "les équipements sportifs",
        "l'organisation d'événements festifs",
        "la lecture publique",
        "le soutien à la vie associative",
    ],
    "ECO": [
        "le développement économique local",
        "le commerce de proximité",
        "le tourisme sur le territoire",
        "l'agriculture et les circuits courts",
        "l'attractivité du territoire",
        "l'économie sociale et solidaire",
    ],
    "MOBILITE": [
        "les mobilités du quotidien",
        "la voirie communale",
        "les mobilités douces",
        "la sécurité routière en agglomération",
        "le transport scolaire",
        "l'éclairage public",
    ],
    "SECURITE": [
        "le plan communal de sauvegarde",
        "la gestion de crise",
        "la prévention de la délinquance",
        "la police municipale",
        "les risques naturels et technologiques",
        "la défense extérieure contre l'incendie",
    ],
    "NUMERIQUE": [
        "la transformation numérique de la commune",
        "la protection des données personnelles (RGPD)",
        "la cybersécurité de la collectivité",
        "l'inclusion numérique",
        "le site internet de la commune",
        "l'ouverture des données publiques",
    ],
    "HABITAT": [
        "la politique locale de l'habitat",
        "le logement social",
        "la lutte contre l'habitat indigne",
        "les logements vacants",
        "l'accueil des gens du voyage",
        "le programme local de l'habitat",
    ],
    "PAROLE": [
        "la prise de parole en public",
        "l'art de convaincre en réunion",
        "l'expression orale de l'élu",
        "les discours et les cérémonies",
        "l'interview face aux médias",
        "la conduite d'une réunion publique",
    ],
    "COMM": [
        "la communication de la commune",
        "les réseaux sociaux de la collectivité",
        "les relations avec la presse",
        "le bulletin municipal",
        "la communication de crise",
        "la communication en période électorale",
    ],
    "CONCERTATION": [
        "la démocratie participative",
        "la concertation avec les habitants",
        "la gestion des conflits de voisinage",
        "la médiation dans la commune",
        "le budget participatif",
        "les conseils citoyens et de quartier",
    ],
    "MANAGEMENT": [
        "le management d'une collectivité",
        "le travail en équipe municipale",
        "la conduite de projets",
        "la gestion du temps de l'élu",
        "la relation entre élus et agents",
        "l'animation d'une équipe d'adjoints",
    ],
}

TITLE_TEMPLATES = [
    "{S}",
    "Comprendre {s}",
    "{S} : l'essentiel pour les élus",
    "Maîtriser {s}",
    "{S} : enjeux et bonnes pratiques",
    "Nouveaux élus : {s}",
    "{S} dans les petites communes",
    "{S} : niveau perfectionnement",
    "Piloter {s}",
    "Décrypter {s}",
    "{S} : cas pratiques",
    "Les fondamentaux : {s}",
]

COMPETENCES = [
    "identifier le cadre juridique applicable et les acteurs concernés",
    "prendre une décision éclairée en conseil",
    "dialoguer avec les services et les partenaires",
    "repérer les points de vigilance et les risques",
    "expliquer les choix de la collectivité aux habitants",
    "construire un plan d'action adapté à sa commune",
    "mobiliser les financements et les outils disponibles",
    "évaluer les résultats d'une politique publique locale",
]

PROGRAMME = [
    "Le cadre légal et réglementaire",
    "Le rôle des élus et celui des services",
    "Les étapes clés et le calendrier",
    "Études de cas tirées de communes de taille comparable",
    "Les outils de suivi et les indicateurs",
    "Les erreurs fréquentes et comment les éviter",
    "Les partenaires : État, département, intercommunalité",
    "Atelier : construire sa feuille de route",
    "Questions-réponses avec l'intervenant",
    "Retours d'expérience d'élus",
]

POINTS_FORTS = [
    "Tous les intervenants sont des intervenants qualifiés et choisis pour leur expertise et leur "
    "connaissance du monde territorial.",
    "Nos intervenants sont tous d'anciens élus.",
    "Petits groupes de 12 élus au maximum pour favoriser les échanges.",
    "Cas pratiques tirés de collectivités de votre taille.",
    "Un support complet remis à chaque participant.",
    "Échanges entre élus de communes voisines.",
    "Classe virtuelle accessible depuis un simple ordinateur, sans logiciel à installer.",
    "Une fiche pratique à réutiliser dans votre commune.",
]

AIDES = [
    "Aucune aide au financement disponible pour cette formation.",
    "Votre collectivité peut prendre en charge le reste à payer "
    "(cotisation au titre de la formation des élus).",
]
