-- revision: storage_0051
-- down_revision: storage_0050
-- message: index-backward-compatible-search
-- transactional: false
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0051-index-backward-compatible-search.sql

-- upgrade
-- postgres-migrations disable-transaction
-- Create index for case-insensitive name search in storage.search function
-- Must use COLLATE "C" to match the query comparisons for index usage
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_objects_bucket_id_name_lower
    ON storage.objects (bucket_id, (lower(name) COLLATE "C"));
