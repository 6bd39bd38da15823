-- revision: atuin_20220421174016
-- down_revision: atuin_20220421073605
-- message: larger-commands
-- Converted by convert.py from atuinsh/atuin at 824c8716d82b, crates/atuin-server-postgres/migrations/20220421174016_larger-commands.sql

-- upgrade
-- Make it 4x larger. Most commands are less than this, but as it's base64
-- SOME are more than 8192. Should be enough for now.
ALTER TABLE history ALTER COLUMN data TYPE varchar(32768);
