-- revision: f00000000001
-- down_revision: none
-- message: Create table

-- upgrade
CREATE TABLE fine (id INTEGER);

-- downgrade
DROP TABLE fine;
