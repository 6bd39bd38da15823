-- revision: auth_20241009103726
-- down_revision: auth_20240806073726
-- message: add_web_authn
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20241009103726_add_web_authn.up.sql

-- upgrade
alter table auth.mfa_factors add column if not exists web_authn_credential jsonb null;
alter table auth.mfa_factors add column if not exists web_authn_aaguid uuid null;
alter table auth.mfa_challenges add column if not exists web_authn_session_data jsonb null;
