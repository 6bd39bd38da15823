-- revision: auth_20211122151130
-- down_revision: auth_20210927181326
-- message: create_user_id_idx
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20211122151130_create_user_id_idx.up.sql

-- upgrade
-- create index on identities.user_id

CREATE INDEX IF NOT EXISTS identities_user_id_idx ON "auth".identities using btree (user_id);
