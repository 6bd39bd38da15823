-- revision: keto_20220513200400000001
-- down_revision: keto_20220513200400000000
-- message: uuid-mapping-remove-check
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20220513200400000001_uuid-mapping-remove-check.sqlite.up.sql

-- upgrade
--ALTER TABLE keto_uuid_mappings DROP CONSTRAINT IF EXISTS check_string_representation;
ALTER TABLE keto_uuid_mappings RENAME TO keto_uuid_mapping_with_old_check_constraint;
CREATE TABLE keto_uuid_mappings
(
    id                       UUID NOT NULL PRIMARY KEY,
    string_representation    TEXT NOT NULL
);
INSERT INTO keto_uuid_mappings SELECT * FROM keto_uuid_mapping_with_old_check_constraint;
DROP TABLE keto_uuid_mapping_with_old_check_constraint;

-- downgrade
-- (empty in the original: nothing to undo)
SELECT 1;
