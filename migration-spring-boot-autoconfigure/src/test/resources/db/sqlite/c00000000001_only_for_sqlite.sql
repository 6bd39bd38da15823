-- revision: c00000000001
-- down_revision: none
-- message: Only for SQLite

-- upgrade
CREATE TABLE vendor_only (id INTEGER);

-- downgrade
DROP TABLE vendor_only;
