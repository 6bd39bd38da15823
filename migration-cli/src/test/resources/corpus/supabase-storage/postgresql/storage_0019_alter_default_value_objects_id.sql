-- revision: storage_0019
-- down_revision: storage_0018
-- message: alter-default-value-objects-id
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0019-alter-default-value-objects-id.sql

-- upgrade
ALTER TABLE storage.objects ALTER COLUMN id SET DEFAULT gen_random_uuid();
