-- revision: atuin_20240621110731
-- down_revision: atuin_20240614104159
-- message: user-verified
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20240621110731_user-verified.sql

-- upgrade
alter table users add verified_at timestamp with time zone default null;

create table user_verification_token(
  id bigserial primary key, 
  user_id bigint unique references users(id), 
  token text, 
  valid_until timestamp with time zone
);
