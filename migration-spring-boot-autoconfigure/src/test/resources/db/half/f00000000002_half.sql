-- revision: f00000000002
-- down_revision: f00000000001
-- message: Half
-- transactional: false

-- upgrade
CREATE TABLE half (id INTEGER);
INSERT INTO nowhere VALUES (1);

-- downgrade
DROP TABLE half;
