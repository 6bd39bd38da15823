-- revision: storage_0054
-- down_revision: storage_0053
-- message: drop-index-object-level
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0054-drop-index-object-level.sql

-- upgrade
-- postgres-migrations disable-transaction
DROP INDEX CONCURRENTLY IF EXISTS objects_bucket_id_level_idx;
