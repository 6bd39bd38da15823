-- revision: storage_0013
-- down_revision: storage_0012
-- message: add-bucket-custom-limits
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0013-add-bucket-custom-limits.sql

-- upgrade
alter table storage.buckets add column if not exists max_file_size_kb int default null;
alter table storage.buckets add column if not exists allowed_mime_types text[] default null;
