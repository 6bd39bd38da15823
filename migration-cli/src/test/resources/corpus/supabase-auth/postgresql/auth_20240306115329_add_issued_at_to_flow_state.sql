-- revision: auth_20240306115329
-- down_revision: auth_20240214120130
-- message: add_issued_at_to_flow_state
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20240306115329_add_issued_at_to_flow_state.up.sql

-- upgrade
do $$ begin
alter table auth.flow_state add column if not exists auth_code_issued_at timestamptz null;
end $$
