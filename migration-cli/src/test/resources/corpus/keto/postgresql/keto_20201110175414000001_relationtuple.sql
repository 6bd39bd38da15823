-- revision: keto_20201110175414000001
-- down_revision: keto_20201110175414000000
-- message: relationtuple
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20201110175414000001_relationtuple.postgres.up.sql

-- upgrade
-- (empty in the original: nothing to do)

-- downgrade
DROP TABLE keto_namespace;
