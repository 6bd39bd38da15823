-- revision: auth_20230818113222
-- down_revision: auth_20230523124323
-- message: add_flow_state_to_relay_state
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230818113222_add_flow_state_to_relay_state.up.sql

-- upgrade
alter table auth.saml_relay_states add column if not exists flow_state_id uuid references auth.flow_state(id) on delete cascade default null;
