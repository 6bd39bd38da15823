-- revision: authelia_0022
-- down_revision: authelia_0021
-- message: OAuth2ConsentBinding
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0022.OAuth2ConsentBinding.up.sql

-- upgrade
ALTER TABLE oauth2_consent_session
    ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT '2000-01-01 00:00:00+00';

-- downgrade
ALTER TABLE oauth2_consent_session
    DROP COLUMN expires_at;
