-- revision: atuin_20231203124112
-- down_revision: atuin_20231202170508
-- message: create-store-idx
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20231203124112_create-store-idx.sql

-- upgrade
-- Add migration script here
create unique index record_uniq ON store(user_id, host, tag, idx);
