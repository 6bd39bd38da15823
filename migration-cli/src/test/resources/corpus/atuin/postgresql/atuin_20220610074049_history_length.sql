-- revision: atuin_20220610074049
-- down_revision: atuin_20220505082442
-- message: history-length
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20220610074049_history-length.sql

-- upgrade
-- Add migration script here
alter table history alter column data type text;
