-- revision: auth_20220114185221
-- down_revision: auth_20211202183645
-- message: update_user_idx
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20220114185221_update_user_idx.up.sql

-- upgrade
-- updates users_instance_id_email_idx definition

DROP INDEX IF EXISTS users_instance_id_email_idx;
CREATE INDEX IF NOT EXISTS users_instance_id_email_idx on "auth".users using btree (instance_id, lower(email));
