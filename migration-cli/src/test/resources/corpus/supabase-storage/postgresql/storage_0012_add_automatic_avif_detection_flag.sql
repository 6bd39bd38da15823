-- revision: storage_0012
-- down_revision: storage_0011
-- message: add-automatic-avif-detection-flag
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0012-add-automatic-avif-detection-flag.sql

-- upgrade
alter table storage.buckets add column if not exists avif_autodetection bool default false;
