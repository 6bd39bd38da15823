-- revision: auth_20230914180801
-- down_revision: auth_20230818113222
-- message: add_mfa_factors_user_id_idx
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230914180801_add_mfa_factors_user_id_idx.up.sql

-- upgrade
create index if not exists mfa_factors_user_id_idx on auth.mfa_factors(user_id);
