-- revision: auth_20240214120130
-- down_revision: auth_20240115144230
-- message: add_is_anonymous_column
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20240214120130_add_is_anonymous_column.up.sql

-- upgrade
do $$
begin
   alter table auth.users 
   add column if not exists is_anonymous boolean not null default false;

   create index if not exists users_is_anonymous_idx  on auth.users using btree (is_anonymous);
end
$$;
