"""Register of élus, step 3: identity defects, reported (never silently fixed, never dropped)."""

from __future__ import annotations

from dife.referentiel.importer.report import ImportReport


def report_identity_defects(cur, report: ImportReport) -> None:
    # One pass over the staged mandates finds the few keys the detailed queries below look at.
    cur.execute("DROP TABLE IF EXISTS stg_key_anomaly")
    cur.execute("""
        CREATE TEMPORARY TABLE stg_key_anomaly ON COMMIT DROP AS
        SELECT matching_key, count(DISTINCT nom || chr(31) || prenoms) > 1 AS spelling,
               count(DISTINCT sexe) > 1 AS sex, count(*) FILTER (WHERE kind = 'municipal') > 1 AS municipal
        FROM stg_mandate GROUP BY matching_key
        HAVING count(DISTINCT nom || chr(31) || prenoms) > 1 OR count(DISTINCT sexe) > 1
            OR count(*) FILTER (WHERE kind = 'municipal') > 1
    """)
    _spelling_variants(cur, report)
    _sex_conflicts(cur, report)
    _several_municipal(cur, report)
    _mentions(cur, report)
    _possible_duplicates(cur, report)


def _spelling_variants(cur, report: ImportReport) -> None:
    cur.execute("""
        SELECT string_agg(DISTINCT nom || ' ' || prenoms || ' (' || file || ', ligne ' || line || ')', ' / ')
        FROM stg_mandate WHERE matching_key IN (SELECT matching_key FROM stg_key_anomaly WHERE spelling)
        GROUP BY matching_key ORDER BY matching_key
    """)
    defect = report.defect(
        "identity_spelling_variants",
        "Même personne écrite différemment selon les mandats",
        "rapprochées par la clé (nom sans accents ni tirets, premier prénom, date de naissance) ; "
        "orthographe du premier fichier retenue",
    )
    for (variants,) in cur.fetchall():
        defect.add(variants)


def _sex_conflicts(cur, report: ImportReport) -> None:
    cur.execute("""
        SELECT min(nom || ' ' || prenoms), string_agg(DISTINCT sexe, '/') FROM stg_mandate
        WHERE matching_key IN (SELECT matching_key FROM stg_key_anomaly WHERE sex)
        GROUP BY matching_key ORDER BY matching_key
    """)
    defect = report.defect(
        "identity_sex_conflict", "Sexe différent pour la même personne", "sexe du premier fichier retenu"
    )
    for name, sexes in cur.fetchall():
        defect.add(f"{name} : {sexes}")


def _several_municipal(cur, report: ImportReport) -> None:
    cur.execute("""
        SELECT min(nom || ' ' || prenoms || ' ' || to_char(date_naissance, 'DD/MM/YYYY')),
               string_agg(coll_label || ' (' || coll_code || ')', ', ' ORDER BY coll_code)
        FROM stg_mandate
        WHERE kind = 'municipal'
          AND matching_key IN (SELECT matching_key FROM stg_key_anomaly WHERE municipal)
        GROUP BY matching_key ORDER BY matching_key
    """)
    defect = report.defect(
        "identity_several_municipal",
        "Même identité conseillère municipale dans plusieurs communes",
        "une seule personne, tous les mandats conservés (homonymie ou doublon du registre : à vérifier)",
    )
    for name, communes in cur.fetchall():
        defect.add(f"{name} : {communes}")


def _mentions(cur, report: ImportReport) -> None:
    cur.execute("""
        SELECT file, line, nom, prenoms FROM stg_mandate
        WHERE kind <> 'communautaire' AND (nom LIKE '%(%' OR prenoms LIKE '%(%') ORDER BY file, line
    """)
    defect = report.defect(
        "identity_parenthesised_mention",
        "Nom ou prénom avec une mention entre parenthèses",
        "mention exclue de la clé ; pour un nom, clé secondaire construite avec la mention",
    )
    for filename, line, nom, prenoms in cur.fetchall():
        defect.add(f"{filename}, ligne {line} : {nom} {prenoms}")


def close_spelling(a: str, b: str, *, prefix: bool = False) -> bool:
    """One edit apart (insertion, deletion, substitution, transposition), or, with ``prefix``, one
    the beginning of the other ("jean" / "jeanlin")."""
    if a == b or (prefix and (a.startswith(b) or b.startswith(a))):
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _possible_duplicates(cur, report: ImportReport) -> None:
    """Persons with the same birth date and sex whose name or first name differ by one letter."""
    defect = report.defect(
        "identity_possible_duplicates",
        "Personnes probablement identiques non rapprochées (même date de naissance et même sexe, "
        "nom ou premier prénom à une lettre près)",
        "non fusionnées : à vérifier par un gestionnaire",
    )
    for varying, fixed in ((2, 1), (1, 2)):  # first name varies within a name, then name within a first name
        # Column positions are integer constants.
        sql = f"""
            SELECT array_agg(split_part(matching_key, '|', {varying}) ORDER BY matching_key),
                   array_agg(nom || ' ' || prenoms ORDER BY matching_key),
                   min(split_part(matching_key, '|', 3))
            FROM stg_person
            GROUP BY split_part(matching_key, '|', {fixed}), split_part(matching_key, '|', 3), sexe
            HAVING count(*) > 1
        """  # noqa: S608
        cur.execute(sql)
        for parts, labels, birth in cur.fetchall():
            for i in range(len(parts)):
                for j in range(i + 1, len(parts)):
                    if close_spelling(parts[i], parts[j], prefix=varying == 2):
                        defect.add(f"{labels[i]} / {labels[j]}, né(e)s le {birth}")
