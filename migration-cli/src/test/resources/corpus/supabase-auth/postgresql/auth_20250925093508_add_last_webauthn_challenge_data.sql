-- revision: auth_20250925093508
-- down_revision: auth_20250904133000
-- message: add_last_webauthn_challenge_data
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20250925093508_add_last_webauthn_challenge_data.up.sql

-- upgrade
/* auth_migration: 20250925093508 */
ALTER TABLE auth.mfa_factors 
ADD COLUMN IF NOT EXISTS last_webauthn_challenge_data JSONB;
/* auth_migration: 20250925093508 */
COMMENT ON COLUMN auth.mfa_factors.last_webauthn_challenge_data IS 'Stores the latest WebAuthn challenge data including attestation/assertion for customer verification';
