-- revision: storage_0022
-- down_revision: storage_0021
-- message: s3-multipart-uploads-big-ints
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0022-s3-multipart-uploads-big-ints.sql

-- upgrade
ALTER TABLE storage.s3_multipart_uploads ALTER COLUMN in_progress_size TYPE bigint;
ALTER TABLE storage.s3_multipart_uploads_parts ALTER COLUMN size TYPE bigint;
