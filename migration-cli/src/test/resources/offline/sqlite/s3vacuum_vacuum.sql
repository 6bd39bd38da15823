-- revision: s3vacuum
-- down_revision: s2data
-- message: Vacuum outside a transaction
-- transactional: false

-- upgrade
PRAGMA user_version = 7;
VACUUM -- refused inside a transaction
-- trailing comment

-- downgrade
PRAGMA user_version = 0;
VACUUM
