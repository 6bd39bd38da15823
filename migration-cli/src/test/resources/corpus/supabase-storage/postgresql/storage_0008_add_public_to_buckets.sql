-- revision: storage_0008
-- down_revision: storage_0007
-- message: add-public-to-buckets
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0008-add-public-to-buckets.sql

-- upgrade
ALTER TABLE storage.buckets ADD COLUMN if not exists "public" boolean default false;
