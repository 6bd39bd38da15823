-- revision: auth_20230508135423
-- down_revision: auth_20230411005111
-- message: add_cleanup_indexes
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230508135423_add_cleanup_indexes.up.sql

-- upgrade
-- Indexes used for cleaning up old or stale objects.

create index if not exists
  refresh_tokens_updated_at_idx
  on auth.refresh_tokens (updated_at desc);

create index if not exists
  flow_state_created_at_idx
  on auth.flow_state (created_at desc);

create index if not exists
  saml_relay_states_created_at_idx
  on auth.saml_relay_states (created_at desc);

create index if not exists
  sessions_not_after_idx
  on auth.sessions (not_after desc);
