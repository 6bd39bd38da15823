-- revision: storage_0028
-- down_revision: storage_0027
-- message: object-bucket-name-sorting
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0028-object-bucket-name-sorting.sql

-- upgrade
-- postgres-migrations disable-transaction
-- postgres-migrations ignore
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_name_bucket_level_unique on storage.objects (name COLLATE "C", bucket_id, level);
