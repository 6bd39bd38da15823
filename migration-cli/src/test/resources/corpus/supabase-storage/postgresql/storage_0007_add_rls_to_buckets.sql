-- revision: storage_0007
-- down_revision: storage_0006
-- message: add-rls-to-buckets
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0007-add-rls-to-buckets.sql

-- upgrade
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
