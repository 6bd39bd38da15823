-- revision: auth_20230402418590
-- down_revision: auth_20230322519590
-- message: add_authentication_method_to_flow_state_table
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230402418590_add_authentication_method_to_flow_state_table.up.sql

-- upgrade
alter table auth.flow_state
add column if not exists authentication_method text not null;
create index if not exists idx_user_id_auth_method on auth.flow_state (user_id, authentication_method);

-- Update comment as we have generalized the table
comment on table auth.flow_state is 'stores metadata for pkce logins';
