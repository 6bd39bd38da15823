-- revision: p2data
-- down_revision: p1accounts
-- message: Data whose lines look like psql commands, café

-- upgrade
INSERT INTO accounts (name, note, tags) VALUES ('first café ☕', 'line one
\d+ looks like a psql meta-command
:PORT and :"PORT" look like psql variables', '{a,b,c}');
CREATE VIEW account_summary AS
    SELECT id, tags[1:2] AS first_tags, name::varchar(20) AS short_name, ':PORT' AS literal
    FROM accounts; -- a comment after a terminated statement
COMMENT ON TABLE accounts IS E'escaped \\ backslash and \'quote\'' /* block */ -- and line

-- downgrade
COMMENT ON TABLE accounts IS NULL;
DROP VIEW account_summary;
DELETE FROM accounts
