-- revision: authelia_0009
-- down_revision: authelia_0008
-- message: FixConstraints
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0009.FixConstraints.up.sql

-- upgrade
ALTER TABLE webauthn_devices
    ALTER COLUMN aaguid DROP NOT NULL;

UPDATE webauthn_devices
SET aaguid = NULL
WHERE aaguid = '' OR aaguid = '00000000-00000000-00000000-00000000';

-- downgrade
-- (empty in the original: nothing to undo)
SELECT 1;
