-- revision: storage_0001
-- down_revision: none
-- message: initialmigration
-- Converted by convert.py from supabase/storage at 4fa61fba9371, migrations/tenant/0001-initialmigration.sql

-- upgrade
select 1
