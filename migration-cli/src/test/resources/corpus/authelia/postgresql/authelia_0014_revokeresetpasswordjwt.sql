-- revision: authelia_0014
-- down_revision: authelia_0013
-- message: RevokeResetPasswordJWT
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0014.RevokeResetPasswordJWT.up.sql

-- upgrade
ALTER TABLE identity_verification
    ADD COLUMN revoked TIMESTAMP WITH TIME ZONE NULL DEFAULT NULL,
    ADD COLUMN revoked_ip VARCHAR(39) NULL DEFAULT NULL;

-- downgrade
ALTER TABLE identity_verification
    DROP COLUMN revoked_ip,
    DROP COLUMN revoked;
