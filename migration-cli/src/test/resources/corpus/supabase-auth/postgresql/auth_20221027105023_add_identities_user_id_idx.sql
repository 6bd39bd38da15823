-- revision: auth_20221027105023
-- down_revision: auth_20221021082433
-- message: add_identities_user_id_idx
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221027105023_add_identities_user_id_idx.up.sql

-- upgrade
create index if not exists identities_user_id_idx on auth.identities using btree (user_id);
