-- revision: a1
-- down_revision: none
-- message: First

-- upgrade
CREATE TABLE first (id INT);

-- downgrade
DROP TABLE first;
