-- revision: storage_0024
-- down_revision: storage_0023
-- message: operation-function
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0024-operation-function.sql

-- upgrade
CREATE OR REPLACE FUNCTION storage.operation()
    RETURNS text AS $$
BEGIN
    RETURN current_setting('storage.operation', true);
END;
$$ LANGUAGE plpgsql STABLE;
