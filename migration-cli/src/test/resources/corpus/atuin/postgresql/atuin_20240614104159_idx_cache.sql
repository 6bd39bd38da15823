-- revision: atuin_20240614104159
-- down_revision: atuin_20240108124837
-- message: idx-cache
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20240614104159_idx-cache.sql

-- upgrade
create table store_idx_cache(
  id bigserial primary key, 
  user_id bigint,

  host uuid,
  tag text,
  idx bigint
);
