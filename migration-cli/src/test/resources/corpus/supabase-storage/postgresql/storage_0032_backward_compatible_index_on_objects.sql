-- revision: storage_0032
-- down_revision: storage_0031
-- message: backward-compatible-index-on-objects
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0032-backward-compatible-index-on-objects.sql

-- upgrade
-- postgres-migrations disable-transaction
-- postgres-migrations ignore
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_objects_lower_name ON storage.objects ((path_tokens[level]), lower(name) text_pattern_ops, bucket_id, level);
