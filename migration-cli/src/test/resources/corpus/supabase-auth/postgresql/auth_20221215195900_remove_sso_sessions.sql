-- revision: auth_20221215195900
-- down_revision: auth_20221215195800
-- message: remove_sso_sessions
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221215195900_remove_sso_sessions.up.sql

-- upgrade
-- sso_sessions is not used as all of the necessary data is in sessions
drop table if exists auth.sso_sessions;

