-- revision: storage_0049
-- down_revision: storage_0048
-- message: buckets-objects-grants-postgres
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0049-buckets-objects-grants-postgres.sql

-- upgrade
do $$
begin
  if exists (select from pg_roles where rolname = 'postgres') then
    grant all on storage.buckets, storage.objects to postgres with grant option;
  end if;
end $$;
