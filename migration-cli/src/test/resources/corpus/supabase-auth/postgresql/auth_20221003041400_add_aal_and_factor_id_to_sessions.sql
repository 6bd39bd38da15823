-- revision: auth_20221003041400
-- down_revision: auth_20221003041349
-- message: add_aal_and_factor_id_to_sessions
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221003041400_add_aal_and_factor_id_to_sessions.up.sql

-- upgrade
-- add factor_id to sessions
 alter table auth.sessions add column if not exists factor_id uuid null;
 alter table auth.sessions add column if not exists aal auth.aal_level null;
