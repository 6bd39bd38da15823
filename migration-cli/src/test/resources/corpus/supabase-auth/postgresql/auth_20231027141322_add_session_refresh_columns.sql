-- revision: auth_20231027141322
-- down_revision: auth_20230914180801
-- message: add_session_refresh_columns
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20231027141322_add_session_refresh_columns.up.sql

-- upgrade
alter table if exists auth.sessions
  add column if not exists refreshed_at timestamp without time zone,
  add column if not exists user_agent text,
  add column if not exists ip inet;
