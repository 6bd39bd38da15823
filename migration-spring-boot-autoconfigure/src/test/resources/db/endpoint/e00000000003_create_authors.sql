-- revision: e00000000003
-- down_revision: e00000000002
-- message: Create authors

-- upgrade
CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- downgrade
DROP TABLE authors;
