-- revision: auth_20221020193600
-- down_revision: auth_20221011041400
-- message: add_sessions_user_id_index
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221020193600_add_sessions_user_id_index.up.sql

-- upgrade
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

