-- revision: 9a8b7c6d5e4f
-- down_revision: 1a2b3c4d5e6f
-- message: Add email verification
-- created: 2026-11-24T08:10:00Z

-- upgrade
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;

-- downgrade
ALTER TABLE users DROP COLUMN email_verified_at;
ALTER TABLE users DROP COLUMN email_verified;
