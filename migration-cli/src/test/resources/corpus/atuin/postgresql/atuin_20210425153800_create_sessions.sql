-- revision: atuin_20210425153800
-- down_revision: atuin_20210425153757
-- message: create_sessions
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20210425153800_create_sessions.sql

-- upgrade
-- Add migration script here
create table sessions (
	id bigserial primary key,
	user_id bigserial,
	token varchar(128) unique not null
);
