-- revision: authelia_0016
-- down_revision: authelia_0015
-- message: OAuth2ConsentSubjectNULL
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0016.OAuth2ConsentSubjectNULL.up.sql

-- upgrade
ALTER TABLE oauth2_consent_session
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN subject SET DEFAULT NULL;

-- downgrade
DELETE FROM oauth2_consent_session
WHERE subject IS NULL;

ALTER TABLE oauth2_consent_session
    ALTER COLUMN subject SET NOT NULL,
    ALTER COLUMN subject DROP DEFAULT;
