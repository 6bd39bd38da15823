-- revision: p3index
-- down_revision: p2data
-- message: Index built concurrently
-- transactional: false

-- upgrade
CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name) -- outside any transaction
-- trailing comment

-- downgrade
DROP INDEX CONCURRENTLY ix_accounts_name -- outside any transaction too
