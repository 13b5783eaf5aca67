"""What the database guarantees about dossier states (see dife/enrollment/machine.py):

* a dossier is created "submitted";
* its state changes only along a logged transition: an UPDATE that changes ``state`` needs a row of
  ``enrollment_transition`` (same dossier, from the old state, to the new one);
* dossiers are never deleted, and the transition log is append-only (dife_refuse_change, audit 0002).
"""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION enrollment_dossier_state_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'submitted' THEN
            RAISE EXCEPTION 'a dossier starts submitted, not %', NEW.state;
        END IF;
    ELSIF NEW.state IS DISTINCT FROM OLD.state THEN
        IF NOT EXISTS (
            SELECT 1 FROM enrollment_transition t
            WHERE t.dossier_id = NEW.id AND t.from_state = OLD.state AND t.to_state = NEW.state
        ) THEN
            RAISE EXCEPTION 'dossier %: % -> % has no transition log row', NEW.id, OLD.state, NEW.state;
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER enrollment_dossier_state_guard
AFTER INSERT OR UPDATE OF state ON enrollment_dossier
FOR EACH ROW EXECUTE FUNCTION enrollment_dossier_state_guard();

CREATE TRIGGER enrollment_dossier_no_delete
BEFORE DELETE ON enrollment_dossier
FOR EACH ROW EXECUTE FUNCTION dife_refuse_change();

CREATE TRIGGER enrollment_transition_append_only
BEFORE UPDATE OR DELETE ON enrollment_transition
FOR EACH ROW EXECUTE FUNCTION dife_refuse_change();
"""

REVERSE = """
DROP TRIGGER IF EXISTS enrollment_transition_append_only ON enrollment_transition;
DROP TRIGGER IF EXISTS enrollment_dossier_no_delete ON enrollment_dossier;
DROP TRIGGER IF EXISTS enrollment_dossier_state_guard ON enrollment_dossier;
DROP FUNCTION IF EXISTS enrollment_dossier_state_guard();
"""


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0001_initial"), ("audit", "0002_append_only_trigger")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
