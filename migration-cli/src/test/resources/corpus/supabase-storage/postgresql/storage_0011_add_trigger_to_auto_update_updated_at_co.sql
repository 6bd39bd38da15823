-- revision: storage_0011
-- down_revision: storage_0010
-- message: add-trigger-to-auto-update-updated_at-column
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0011-add-trigger-to-auto-update-updated_at-column.sql

-- upgrade
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW; 
END;
$$ language plpgsql;

DROP trigger if exists update_objects_updated_at on storage.objects;
CREATE TRIGGER update_objects_updated_at BEFORE UPDATE ON storage.objects FOR EACH ROW EXECUTE PROCEDURE update_updated_at_column();
