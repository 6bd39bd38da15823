-- revision: auth_20231114161723
-- down_revision: auth_20231027141322
-- message: add_sessions_tag
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20231114161723_add_sessions_tag.up.sql

-- upgrade
alter table if exists auth.sessions
  add column if not exists tag text;
