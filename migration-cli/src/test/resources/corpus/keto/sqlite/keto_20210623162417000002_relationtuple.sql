-- revision: keto_20210623162417000002
-- down_revision: keto_20210623162417000001
-- message: relationtuple
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20210623162417000002_relationtuple.sqlite3.up.sql

-- upgrade

CREATE INDEX keto_relation_tuples_subject_sets_idx ON keto_relation_tuples (nid,
                                                                            namespace_id,
                                                                            object,
                                                                            relation,
                                                                            subject_set_namespace_id,
                                                                            subject_set_object,
                                                                            subject_set_relation) WHERE subject_id IS NULL;

-- downgrade
-- (empty in the original: nothing to undo)
SELECT 1;
