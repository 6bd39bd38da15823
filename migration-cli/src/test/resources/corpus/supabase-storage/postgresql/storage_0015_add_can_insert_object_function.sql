-- revision: storage_0015
-- down_revision: storage_0014
-- message: add-can-insert-object-function
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0015-add-can-insert-object-function.sql

-- upgrade
CREATE OR REPLACE FUNCTION storage.can_insert_object(bucketid text, name text, owner uuid, metadata jsonb)
RETURNS VOID
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "storage"."objects" ("bucket_id", "name", "owner", "metadata") VALUES (bucketid, name, owner, metadata);
  -- hack to rollback the successful insert
  RAISE sqlstate 'PT200' using
  message = 'ROLLBACK',
  detail = 'rollback successful insert';
END
$$;
