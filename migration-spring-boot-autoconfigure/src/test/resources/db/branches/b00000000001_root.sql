-- revision: b00000000001
-- down_revision: none
-- message: Root

-- upgrade
CREATE TABLE root_table (id INTEGER);

-- downgrade
DROP TABLE root_table;
