-- revision: authelia_0010
-- down_revision: authelia_0009
-- message: FixConsentIDNotNull
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0010.FixConsentIDNotNull.up.sql

-- upgrade
ALTER TABLE oauth2_access_token_session ALTER COLUMN challenge_id DROP NOT NULL, ALTER COLUMN challenge_id SET DEFAULT NULL, ALTER COLUMN subject DROP NOT NULL, ALTER COLUMN subject SET DEFAULT NULL;

-- downgrade
DELETE FROM oauth2_access_token_session WHERE challenge_id IS NULL OR subject IS NULL;
ALTER TABLE oauth2_access_token_session ALTER COLUMN challenge_id DROP DEFAULT, ALTER COLUMN challenge_id SET NOT NULL, ALTER COLUMN subject DROP DEFAULT, ALTER COLUMN subject SET NOT NULL;
