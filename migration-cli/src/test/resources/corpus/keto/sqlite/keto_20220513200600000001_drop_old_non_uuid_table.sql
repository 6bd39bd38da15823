-- revision: keto_20220513200600000001
-- down_revision: keto_20220513200600000000
-- message: drop-old-non-uuid-table
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20220513200600000001_drop-old-non-uuid-table.up.sql

-- upgrade
ALTER TABLE keto_relation_tuples_uuid RENAME TO keto_relation_tuples;

-- downgrade
ALTER TABLE keto_relation_tuples RENAME TO keto_relation_tuples_uuid;
