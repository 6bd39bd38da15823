-- revision: s5merge
-- down_revision: s3vacuum, s4trigger
-- message: Merge, with an index

-- upgrade
CREATE INDEX ix_accounts_name ON accounts (name) -- no semicolon
/* a block comment after it */

-- downgrade
DROP INDEX ix_accounts_name
