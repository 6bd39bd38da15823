-- revision: keto_20220513200400000001
-- down_revision: keto_20220513200400000000
-- message: uuid-mapping-remove-check
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20220513200400000001_uuid-mapping-remove-check.postgres.up.sql

-- upgrade
ALTER TABLE keto_uuid_mappings DROP CONSTRAINT IF EXISTS keto_uuid_mappings_string_representation_check;

-- downgrade
ALTER TABLE keto_uuid_mappings ADD CONSTRAINT keto_uuid_mappings_string_representation_check CHECK (string_representation <> '');
