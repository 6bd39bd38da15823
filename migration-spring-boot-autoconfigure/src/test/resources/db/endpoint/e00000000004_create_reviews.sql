-- revision: e00000000004
-- down_revision: e00000000003
-- message: Create reviews

-- upgrade
CREATE TABLE reviews (id INTEGER PRIMARY KEY, stars INTEGER NOT NULL);

-- downgrade
DROP TABLE reviews;
