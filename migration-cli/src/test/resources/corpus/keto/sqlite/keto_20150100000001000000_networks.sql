-- revision: keto_20150100000001000000
-- down_revision: none
-- message: networks
-- Converted by convert.py from ory/keto at e026d8391913, oryx/networkx/migrations/sql/20150100000001000000_networks.sqlite3.up.sql

-- upgrade
CREATE TABLE "networks" (
"id" TEXT PRIMARY KEY,
"created_at" DATETIME NOT NULL,
"updated_at" DATETIME NOT NULL
);

-- downgrade
DROP TABLE "networks";
