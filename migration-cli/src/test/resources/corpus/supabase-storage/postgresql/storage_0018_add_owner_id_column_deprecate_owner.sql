-- revision: storage_0018
-- down_revision: storage_0017
-- message: add_owner_id_column_deprecate_owner
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0018-add_owner_id_column_deprecate_owner.sql

-- upgrade
alter table storage.objects add column if not exists owner_id text default null;
alter table storage.buckets add column if not exists owner_id text default null;

comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

ALTER TABLE storage.buckets
    DROP CONSTRAINT IF EXISTS buckets_owner_fkey;
