-- revision: storage_0059
-- down_revision: storage_0058
-- message: drop-unused-functions
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0059-drop-unused-functions.sql

-- upgrade
-- drop unused functions
-- this is a fix for functions that had the wrong signature in 0052

DROP FUNCTION IF EXISTS storage.delete_leaf_prefixes(text[],text[]);

DROP FUNCTION IF EXISTS storage.get_level(text);

DROP FUNCTION IF EXISTS storage.get_prefixes(text);

DROP FUNCTION IF EXISTS storage.get_prefix(text);

DROP FUNCTION IF EXISTS storage.search_legacy_v1(text,text,int,int,int,text,text,text);
