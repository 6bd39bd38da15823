-- revision: auth_20251104100000
-- down_revision: auth_20251007112900
-- message: add_nonce_to_oauth_authorizations
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20251104100000_add_nonce_to_oauth_authorizations.up.sql

-- upgrade
/* auth_migration: 20251104100000 */
alter table auth.oauth_authorizations
    add column if not exists nonce text null;

/* auth_migration: 20251104100000 */
alter table auth.oauth_authorizations
    add constraint oauth_authorizations_nonce_length check (char_length(nonce) <= 255);
