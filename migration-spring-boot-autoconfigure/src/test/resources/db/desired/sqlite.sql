-- one column more than db/revisions gives
CREATE TABLE things (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, colour VARCHAR(20), size INTEGER);
