-- revision: storage_0004
-- down_revision: storage_0003
-- message: add-migrations-rls
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0004-add-migrations-rls.sql

-- upgrade
ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;
