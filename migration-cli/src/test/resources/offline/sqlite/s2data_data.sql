-- revision: s2data
-- down_revision: s1accounts
-- message: Data whose lines look like sqlite3 shell commands, café

-- upgrade
INSERT INTO accounts (name, note, ratio) VALUES ('first café ☕', 'line one
.tables looks like a dot-command
go
/
', 10
/
4);
INSERT INTO accounts (name, ratio) SELECT 'second', 1.5 AS
go
;
CREATE VIEW account_names AS SELECT id, [name] AS "display" FROM accounts; -- after a terminated statement
UPDATE accounts SET ratio = ratio * 2 /* block */ -- and line

-- downgrade
DROP VIEW account_names;
DELETE FROM accounts
