from django.db import migrations

# Typo tolerance on titles (search.py): trigram word similarity on the accent-free, lower-case title.
INDEX = """
CREATE INDEX catalog_search_title_trgm ON catalog_actionsearch
    USING gin (lower(catalog_unaccent(intitule)) gin_trgm_ops);
"""


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunSQL(INDEX, "DROP INDEX IF EXISTS catalog_search_title_trgm;")]
