-- revision: authelia_0011
-- down_revision: authelia_0010
-- message: JWTProfileAccessToken
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0011.JWTProfileAccessToken.up.sql

-- upgrade
ALTER TABLE oauth2_access_token_session ALTER COLUMN signature TYPE VARCHAR(768);

-- downgrade
-- (empty in the original: nothing to undo)
SELECT 1;
