-- revision: storage_0044
-- down_revision: storage_0043
-- message: vector-bucket-type
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0044-vector-bucket-type.sql

-- upgrade
DO $$
    DECLARE
    BEGIN
        IF NOT EXISTS (
            SELECT 1
            FROM pg_enum
                     JOIN pg_type ON pg_enum.enumtypid = pg_type.oid
            WHERE pg_type.typname = 'buckettype'
              AND enumlabel = 'VECTOR'
        ) THEN
            ALTER TYPE storage.BucketType ADD VALUE 'VECTOR';
        END IF;
END$$;
