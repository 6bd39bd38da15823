-- revision: b2e1d4c3f5a6
-- down_revision: a1f0c3d2e4b5
-- message: Add email verification
-- created: 2026-11-24T08:41:00Z

-- upgrade
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;

-- downgrade
ALTER TABLE users DROP COLUMN email_verified_at;
ALTER TABLE users DROP COLUMN email_verified;
