-- revision: auth_20230116124412
-- down_revision: auth_20230116124310
-- message: add_deleted_at
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230116124412_add_deleted_at.up.sql

-- upgrade
-- adds deleted_at column to auth.users 

alter table auth.users 
add column if not exists deleted_at timestamptz null;
