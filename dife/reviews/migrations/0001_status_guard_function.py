"""The trigger function of every review workflow (see dife/reviews/models.py): a request starts
``pending``; its ``status`` changes only when its log (the table named by the trigger's argument,
with ``request_id``, ``from_status``, ``to_status``) has the matching row."""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION dife_review_status_guard() RETURNS trigger AS $$
DECLARE
    logged boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'pending' THEN
            RAISE EXCEPTION '%: a request starts pending, not %', TG_TABLE_NAME, NEW.status;
        END IF;
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        EXECUTE format(
            'SELECT EXISTS (SELECT 1 FROM %I WHERE request_id = $1 AND from_status = $2 AND to_status = $3)',
            TG_ARGV[0]
        ) INTO logged USING NEW.id, OLD.status, NEW.status;
        IF NOT logged THEN
            RAISE EXCEPTION '% %: % -> % has no transition log row',
                TG_TABLE_NAME, NEW.id, OLD.status, NEW.status;
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

REVERSE = "DROP FUNCTION IF EXISTS dife_review_status_guard();"


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
