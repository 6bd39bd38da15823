-- revision: storage_0025
-- down_revision: storage_0024
-- message: custom-metadata
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0025-custom-metadata.sql

-- upgrade
ALTER TABLE storage.objects ADD COLUMN IF NOT EXISTS user_metadata jsonb NULL;
ALTER TABLE storage.s3_multipart_uploads ADD COLUMN IF NOT EXISTS user_metadata jsonb NULL;
