-- revision: keto_20220513200400000000
-- down_revision: keto_20220513200300000000
-- message: create-uuid-mapping-table
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20220513200400000000_create-uuid-mapping-table.up.sql

-- upgrade
CREATE TABLE keto_uuid_mappings
(
    id                       UUID NOT NULL PRIMARY KEY,
    string_representation    TEXT NOT NULL CHECK (string_representation <> '')
);

-- downgrade
DROP TABLE keto_uuid_mappings;
