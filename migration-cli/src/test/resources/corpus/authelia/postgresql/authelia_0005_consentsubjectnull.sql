-- revision: authelia_0005
-- down_revision: authelia_0004
-- message: ConsentSubjectNULL
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0005.ConsentSubjectNULL.up.sql

-- upgrade
DELETE FROM oauth2_consent_session
       WHERE subject IN(SELECT identifier FROM user_opaque_identifier WHERE username = '' AND service IN('openid', 'openid_connect'));

DELETE FROM user_opaque_identifier
       WHERE service <> 'openid' OR username = '';

ALTER TABLE oauth2_consent_session
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN subject SET DEFAULT NULL;

ALTER TABLE oauth2_consent_session
    RENAME CONSTRAINT oauth2_consent_subject_fkey TO oauth2_consent_session_subject_fkey;

-- downgrade
ALTER TABLE oauth2_consent_session
    RENAME CONSTRAINT oauth2_consent_session_subject_fkey TO oauth2_consent_subject_fkey;

DELETE FROM oauth2_consent_session
WHERE subject IS NULL;

ALTER TABLE oauth2_consent_session
    ALTER COLUMN subject SET NOT NULL,
    ALTER COLUMN subject DROP DEFAULT;
