-- revision: keto_20210623162417000001
-- down_revision: keto_20210623162417000000
-- message: relationtuple
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20210623162417000001_relationtuple.sqlite3.up.sql

-- upgrade

CREATE INDEX keto_relation_tuples_subject_ids_idx ON keto_relation_tuples (nid,
                                                                           namespace_id,
                                                                           object,
                                                                           relation,
                                                                           subject_id) WHERE subject_set_namespace_id IS NULL AND subject_set_object IS NULL AND subject_set_relation IS NULL;

-- downgrade
DROP TABLE keto_relation_tuples;
