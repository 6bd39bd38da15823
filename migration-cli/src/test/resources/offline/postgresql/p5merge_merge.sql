-- revision: p5merge
-- down_revision: p3index, p4routines
-- message: Merge, and a column named like a psql variable

-- upgrade
ALTER TABLE accounts ADD COLUMN port INTEGER NOT NULL DEFAULT 2;
CREATE VIEW account_slices AS SELECT id, tags[1:PORT] AS sliced FROM accounts

-- downgrade
DROP VIEW account_slices;
ALTER TABLE accounts DROP COLUMN port
