-- revision: storage_0057
-- down_revision: storage_0056
-- message: s3-multipart-uploads-metadata
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0057-s3-multipart-uploads-metadata.sql

-- upgrade
ALTER TABLE storage.s3_multipart_uploads ADD COLUMN IF NOT EXISTS metadata jsonb NULL;
