-- revision: storage_0053
-- down_revision: storage_0052
-- message: drop-index-lower-name
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0053-drop-index-lower-name.sql

-- upgrade
-- postgres-migrations disable-transaction
DROP INDEX CONCURRENTLY IF EXISTS idx_objects_lower_name;
