-- revision: auth_20230411005111
-- down_revision: auth_20230402418590
-- message: remove_duplicate_idx
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230411005111_remove_duplicate_idx.up.sql

-- upgrade
drop index if exists auth.refresh_tokens_token_idx;
