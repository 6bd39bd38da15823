-- revision: auth_20250903112500
-- down_revision: auth_20250901200500
-- message: remove_oauth_client_id_column
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20250903112500_remove_oauth_client_id_column.up.sql

-- upgrade
-- Drop the client_id column and related constraints/indexes from oauth_clients table
-- The id (uuid) field will serve as the public client_id

-- Drop the unique constraint on client_id
alter table auth.oauth_clients 
    drop constraint if exists oauth_clients_client_id_key;

-- Drop the index on client_id
drop index if exists auth.oauth_clients_client_id_idx;

-- Drop the client_id column
alter table auth.oauth_clients 
    drop column if exists client_id;
