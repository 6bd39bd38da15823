-- revision: auth_20240802193726
-- down_revision: auth_20240729123726
-- message: add_mfa_factors_column_last_challenged_at
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20240802193726_add_mfa_factors_column_last_challenged_at.up.sql

-- upgrade
alter table auth.mfa_factors add column if not exists last_challenged_at timestamptz unique default null;
