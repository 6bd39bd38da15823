-- revision: storage_0033
-- down_revision: storage_0032
-- message: backward-compatible-index-on-prefixes
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0033-backward-compatible-index-on-prefixes.sql

-- upgrade
-- postgres-migrations disable-transaction
-- postgres-migrations ignore
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_prefixes_lower_name ON storage.prefixes (bucket_id, level, ((string_to_array(name, '/'))[level]), lower(name) text_pattern_ops);
