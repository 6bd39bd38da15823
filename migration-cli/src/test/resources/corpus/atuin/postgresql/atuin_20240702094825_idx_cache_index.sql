-- revision: atuin_20240702094825
-- down_revision: atuin_20240621110731
-- message: idx_cache_index
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20240702094825_idx_cache_index.sql

-- upgrade
create unique index store_idx_cache_uniq on store_idx_cache(user_id, host, tag);
