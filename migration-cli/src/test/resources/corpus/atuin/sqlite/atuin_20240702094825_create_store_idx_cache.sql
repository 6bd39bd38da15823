-- revision: atuin_20240702094825
-- down_revision: atuin_20240621110731
-- message: create-store-idx-cache
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-sqlite/migrations/20240702094825_create-store-idx-cache.sql

-- upgrade
create table store_idx_cache(
  id integer primary key autoincrement, 
  user_id bigint,

  host uuid,
  tag text,
  idx bigint
);

create unique index store_idx_cache_uniq on store_idx_cache(user_id, host, tag);
