-- revision: auth_20220323170000
-- down_revision: auth_20220224000811
-- message: add_user_reauthentication
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20220323170000_add_user_reauthentication.up.sql

-- upgrade
-- adds reauthentication_token and reauthentication_sent_at 

ALTER TABLE auth.users
ADD COLUMN IF NOT EXISTS reauthentication_token varchar(255) null default '',
ADD COLUMN IF NOT EXISTS reauthentication_sent_at timestamptz null default null;
