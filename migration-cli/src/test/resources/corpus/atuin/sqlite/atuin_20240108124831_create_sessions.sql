-- revision: atuin_20240108124831
-- down_revision: atuin_20240108124830
-- message: create-sessions
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-sqlite/migrations/20240108124831_create-sessions.sql

-- upgrade
create table sessions (
	id integer primary key autoincrement,
	user_id integer,
	token text unique not null
);

