-- revision: auth_init_schema
-- down_revision: none
-- message: auth schema
-- Converted by convert.py from supabase/auth at bc32168e13fd, hack/init_postgres.sql (the schema only)

-- upgrade
CREATE SCHEMA IF NOT EXISTS auth;
