-- revision: keto_20201110175414000000
-- down_revision: keto_20150100000001000000
-- message: relationtuple
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20201110175414000000_relationtuple.postgres.up.sql

-- upgrade
CREATE TABLE keto_namespace
(
    id             INTEGER PRIMARY KEY,
    schema_version INTEGER NOT NULL
);

-- downgrade
-- (empty in the original: nothing to undo)
SELECT 1;
