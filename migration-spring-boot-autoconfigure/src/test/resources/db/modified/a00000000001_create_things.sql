-- revision: a00000000001
-- down_revision: none
-- message: Create things

-- upgrade
CREATE TABLE things (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);

-- downgrade
DROP TABLE things;
