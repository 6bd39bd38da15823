-- revision: storage_0031
-- down_revision: storage_0030
-- message: objects-level-index
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0031-objects-level-index.sql

-- upgrade
-- postgres-migrations disable-transaction
-- postgres-migrations ignore
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "objects_bucket_id_level_idx"
    ON "storage"."objects" ("bucket_id", level, "name" COLLATE "C");
