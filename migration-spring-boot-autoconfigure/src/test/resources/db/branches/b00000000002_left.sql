-- revision: b00000000002
-- down_revision: b00000000001
-- message: Left

-- upgrade
CREATE TABLE left_table (id INTEGER);

-- downgrade
DROP TABLE left_table;
