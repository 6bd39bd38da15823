-- revision: auth_20240314092811
-- down_revision: auth_20240306115329
-- message: add_saml_name_id_format
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20240314092811_add_saml_name_id_format.up.sql

-- upgrade
do $$ begin
alter table auth.saml_providers add column if not exists name_id_format text null;
end $$
