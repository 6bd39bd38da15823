-- revision: atuin_20230315224203
-- down_revision: atuin_20230315220537
-- message: create-deleted
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20230315224203_create-deleted.sql

-- upgrade
-- Add migration script here
alter table history add column if not exists deleted_at timestamp;

-- queries will all be selecting the ids of history for a user, that has been deleted
create index if not exists history_deleted_index on history(client_id, user_id, deleted_at);
