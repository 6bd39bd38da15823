-- revision: atuin_20220426172813
-- down_revision: atuin_20220421174016
-- message: user-created-at
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20220426172813_user-created-at.sql

-- upgrade
alter table users add column created_at timestamp not null default now();
