-- revision: auth_20221021073300
-- down_revision: auth_20221020193600
-- message: add_refresh_tokens_session_id_revoked_index
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221021073300_add_refresh_tokens_session_id_revoked_index.up.sql

-- upgrade
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);
