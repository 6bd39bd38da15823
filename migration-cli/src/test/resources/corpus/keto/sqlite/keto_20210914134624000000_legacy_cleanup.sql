-- revision: keto_20210914134624000000
-- down_revision: keto_20210623162417000003
-- message: legacy-cleanup
-- Converted by convert.py from ory/keto at e026d8391913, internal/persistence/sql/migrations/sql/20210914134624000000_legacy-cleanup.sqlite3.up.sql

-- upgrade
DROP TABLE "keto_namespace";

-- downgrade
CREATE TABLE "keto_namespace" (
"id" INTEGER PRIMARY KEY AUTOINCREMENT,
"schema_version" INTEGER NOT NULL
);
