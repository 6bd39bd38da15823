-- revision: storage_0005
-- down_revision: storage_0004
-- message: add-size-functions
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0005-add-size-functions.sql

-- upgrade
drop function if exists storage.get_size_by_bucket();
CREATE OR REPLACE FUNCTION storage.get_size_by_bucket()
 RETURNS TABLE (
    size BIGINT,
    bucket text
  )
 LANGUAGE plpgsql
AS $function$
BEGIN
    return query
        select sum((metadata->>'size')::int) as size, bucket_id as bucket
        from "storage".objects
        group by bucket_id;
END
$function$;
