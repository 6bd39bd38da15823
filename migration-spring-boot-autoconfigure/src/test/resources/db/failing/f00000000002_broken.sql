-- revision: f00000000002
-- down_revision: f00000000001
-- message: Broken

-- upgrade
CREATE TABLE broken (id INTEGER,;

-- downgrade
DROP TABLE broken;
