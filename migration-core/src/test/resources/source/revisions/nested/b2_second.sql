-- revision: b2
-- down_revision: a1
-- message: Second

-- upgrade
CREATE TABLE second (id INT);
