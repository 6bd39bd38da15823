-- revision: atuin_20240621110731
-- down_revision: atuin_20240621110730
-- message: create-user-verification-token
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-sqlite/migrations/20240621110731_create-user-verification-token.sql

-- upgrade
create table user_verification_token(
  id integer primary key autoincrement, 
  user_id bigint unique references users(id), 
  token text, 
  valid_until timestamp with time zone
);
