-- revision: auth_20221114143122
-- down_revision: auth_20221027105023
-- message: add_session_not_after_column
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221114143122_add_session_not_after_column.up.sql

-- upgrade
alter table only auth.sessions
  add column if not exists not_after timestamptz;

comment on column auth.sessions.not_after is 'Auth: Not after is a nullable column that contains a timestamp after which the session should be regarded as expired.';
