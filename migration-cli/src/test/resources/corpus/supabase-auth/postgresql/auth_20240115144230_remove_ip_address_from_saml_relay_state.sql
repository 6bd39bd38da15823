-- revision: auth_20240115144230
-- down_revision: auth_20231117164230
-- message: remove_ip_address_from_saml_relay_state
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20240115144230_remove_ip_address_from_saml_relay_state.up.sql

-- upgrade
do $$
begin
   if exists (select from information_schema.columns where table_schema = 'auth' and table_name = 'saml_relay_states' and column_name = 'from_ip_address') then
      alter table auth.saml_relay_states drop column from_ip_address;
   end if;
end
$$;
