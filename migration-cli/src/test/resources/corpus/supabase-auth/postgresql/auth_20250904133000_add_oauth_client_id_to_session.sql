-- revision: auth_20250904133000
-- down_revision: auth_20250903112500
-- message: add_oauth_client_id_to_session
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20250904133000_add_oauth_client_id_to_session.up.sql

-- upgrade
alter table if exists auth.sessions
  add column if not exists oauth_client_id uuid;

alter table auth.sessions
  add constraint sessions_oauth_client_id_fkey foreign key (oauth_client_id)
  references auth.oauth_clients(id) on delete cascade not valid;

alter table auth.sessions
  validate constraint sessions_oauth_client_id_fkey;

create index if not exists sessions_oauth_client_id_idx on auth.sessions (oauth_client_id);
