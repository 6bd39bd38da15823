-- revision: storage_0016
-- down_revision: storage_0015
-- message: add-version
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0016-add-version.sql

-- upgrade
alter table storage.objects add column if not exists version text default null;
