-- revision: auth_20210722035447
-- down_revision: auth_20210710035447
-- message: adds_confirmed_at
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20210722035447_adds_confirmed_at.up.sql

-- upgrade
-- adds confirmed at

ALTER TABLE auth.users
ADD COLUMN IF NOT EXISTS confirmed_at timestamptz GENERATED ALWAYS AS (LEAST (users.email_confirmed_at, users.phone_confirmed_at)) STORED;
