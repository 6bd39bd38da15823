-- revision: atuin_20240621110730
-- down_revision: atuin_20240108124831
-- message: create-users
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-sqlite/migrations/20240621110730_create-users.sql

-- upgrade
create table users (
	id integer primary key autoincrement,               -- also store our own ID
	username text not null unique,   -- being able to contact users is useful
	email text not null unique,     -- being able to contact users is useful
	password text not null unique,
  created_at timestamp not null default (datetime('now','localtime')),
  verified_at timestamp with time zone default null
);

-- the prior index is case sensitive :(
CREATE UNIQUE INDEX email_unique_idx on users (LOWER(email));
CREATE UNIQUE INDEX username_unique_idx on users (LOWER(username));
