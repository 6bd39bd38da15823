-- revision: keto_20230228091200000000
-- down_revision: keto_20220513200600000001
-- message: add-on-delete-cascade-to-relationship
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20230228091200000000_add-on-delete-cascade-to-relationship.up.sql

-- upgrade
ALTER TABLE
  keto_relation_tuples DROP CONSTRAINT keto_relation_tuples_uuid_nid_fk,
ADD
  CONSTRAINT keto_relation_tuples_nid_fk FOREIGN KEY (nid) REFERENCES networks (id) ON UPDATE RESTRICT ON DELETE CASCADE;

-- downgrade
ALTER TABLE
  keto_relation_tuples DROP CONSTRAINT keto_relation_tuples_nid_fk;

ALTER TABLE
  keto_relation_tuples
ADD
  CONSTRAINT keto_relation_tuples_uuid_nid_fk FOREIGN KEY (nid) REFERENCES networks (id);
