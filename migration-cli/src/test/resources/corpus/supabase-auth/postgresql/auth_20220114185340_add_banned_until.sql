-- revision: auth_20220114185340
-- down_revision: auth_20220114185221
-- message: add_banned_until
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20220114185340_add_banned_until.up.sql

-- upgrade
-- adds banned_until column

ALTER TABLE auth.users
ADD COLUMN IF NOT EXISTS banned_until timestamptz NULL;
