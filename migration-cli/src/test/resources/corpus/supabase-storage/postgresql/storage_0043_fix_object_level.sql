-- revision: storage_0043
-- down_revision: storage_0042
-- message: fix-object-level
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0043-fix-object-level.sql

-- upgrade
-- postgres-migrations ignore
DO $$
BEGIN
    IF EXISTS(
        SELECT id FROM storage.migrations
          WHERE name = 'fix-prefix-race-conditions-optimized'
          AND executed_at >= now() - interval '1 minutes'
    ) THEN
        RETURN;
    END IF;

    -- Update all object levels based on their names that are incorrect
    UPDATE storage.objects SET level = storage.get_level(name)
    WHERE level != storage.get_level(name);
END$$;
