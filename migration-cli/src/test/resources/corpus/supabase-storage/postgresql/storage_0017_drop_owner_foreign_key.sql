-- revision: storage_0017
-- down_revision: storage_0016
-- message: drop-owner-foreign-key
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0017-drop-owner-foreign-key.sql

-- upgrade
ALTER TABLE storage.objects
    DROP CONSTRAINT IF EXISTS objects_owner_fkey;
