"""The ledger is append-only: the database refuses UPDATE and DELETE on rights_entry.

Reuses dife_refuse_change() created by the audit app (audit 0002). Accounts get room on their pages
(fillfactor) so that the yearly update of every balance stays a HOT update (no index to rewrite).
"""

from django.db import migrations

SQL = """
CREATE TRIGGER rights_entry_append_only
BEFORE UPDATE OR DELETE ON rights_entry
FOR EACH ROW EXECUTE FUNCTION dife_refuse_change();

ALTER TABLE rights_account SET (fillfactor = 50);
"""

REVERSE = """
DROP TRIGGER IF EXISTS rights_entry_append_only ON rights_entry;
ALTER TABLE rights_account RESET (fillfactor);
"""


class Migration(migrations.Migration):
    dependencies = [("rights", "0001_initial"), ("audit", "0002_append_only_trigger")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
