-- revision: e00000000001
-- down_revision: none
-- message: Create books

-- upgrade
CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);

-- downgrade
DROP TABLE books;
