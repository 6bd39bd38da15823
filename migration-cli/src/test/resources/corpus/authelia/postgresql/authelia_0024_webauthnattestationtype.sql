-- revision: authelia_0024
-- down_revision: authelia_0023
-- message: WebAuthnAttestationType
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0024.WebAuthnAttestationType.up.sql

-- upgrade
ALTER TABLE webauthn_credentials RENAME COLUMN attestation_type TO attestation_format;
ALTER TABLE webauthn_credentials ADD COLUMN attestation_type VARCHAR(32) NOT NULL DEFAULT '';

-- downgrade
ALTER TABLE webauthn_credentials DROP COLUMN attestation_type;
ALTER TABLE webauthn_credentials RENAME COLUMN attestation_format TO attestation_type;
