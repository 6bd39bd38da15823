-- revision: atuin_20240108124837
-- down_revision: atuin_20231203124112
-- message: drop-some-defaults
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20240108124837_drop-some-defaults.sql

-- upgrade
-- Add migration script here
alter table history alter column user_id drop default;
alter table sessions alter column user_id drop default;
alter table total_history_count_user alter column user_id drop default;
