-- revision: authelia_0017
-- down_revision: authelia_0016
-- message: OAuth2Claims
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0017.OAuth2Claims.up.sql

-- upgrade
ALTER TABLE oauth2_consent_session
    ADD COLUMN granted_claims TEXT NULL;

ALTER TABLE oauth2_consent_preconfiguration
    ADD COLUMN requested_claims TEXT NULL,
    ADD COLUMN signature_claims CHAR(64) NULL,
    ADD COLUMN granted_claims TEXT DEFAULT '';

-- downgrade
ALTER TABLE oauth2_consent_session
    DROP COLUMN granted_claims;

ALTER TABLE oauth2_consent_preconfiguration
    DROP COLUMN requested_claims,
    DROP COLUMN signature_claims,
    DROP COLUMN granted_claims;
