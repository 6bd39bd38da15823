-- revision: auth_20221114143410
-- down_revision: auth_20221114143122
-- message: remove_parent_foreign_key_refresh_tokens
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20221114143410_remove_parent_foreign_key_refresh_tokens.up.sql

-- upgrade
alter table only auth.refresh_tokens
  drop constraint refresh_tokens_parent_fkey;
