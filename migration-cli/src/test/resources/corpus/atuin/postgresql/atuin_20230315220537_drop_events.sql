-- revision: atuin_20230315220537
-- down_revision: atuin_20220610074049
-- message: drop-events
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20230315220537_drop-events.sql

-- upgrade
-- Add migration script here
drop table events;
