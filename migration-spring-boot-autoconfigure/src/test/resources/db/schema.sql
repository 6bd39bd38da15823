-- the schema db/revisions brings a database to
CREATE TABLE things (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, colour VARCHAR(20));
