-- revision: storage_0035
-- down_revision: storage_0034
-- message: add-insert-trigger-prefixes
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0035-add-insert-trigger-prefixes.sql

-- upgrade
-- postgres-migrations ignore
-- This trigger is used to create the hierarchy of prefixes
-- When writing directly in the prefixes table
CREATE OR REPLACE TRIGGER "prefixes_create_hierarchy"
    BEFORE INSERT ON "storage"."prefixes"
    FOR EACH ROW
    WHEN (pg_trigger_depth() < 1)
EXECUTE FUNCTION "storage"."prefixes_insert_trigger"();
