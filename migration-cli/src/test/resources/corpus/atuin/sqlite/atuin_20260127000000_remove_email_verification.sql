-- revision: atuin_20260127000000
-- down_revision: atuin_20240702094825
-- message: remove-email-verification
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-sqlite/migrations/20260127000000_remove-email-verification.sql

-- upgrade
drop table if exists user_verification_token;
alter table users drop column verified_at;
