-- revision: b00000000003
-- down_revision: b00000000001
-- message: Right

-- upgrade
CREATE TABLE right_table (id INTEGER);

-- downgrade
DROP TABLE right_table;
