"""Identity assurance of élus: FranceConnect+ client and links, step-up, manual identity verification."""
