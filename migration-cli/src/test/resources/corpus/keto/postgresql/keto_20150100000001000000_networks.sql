-- revision: keto_20150100000001000000
-- down_revision: none
-- message: networks
-- Converted by convert.py from ory/keto at e026d8391913, oryx/networkx/migrations/sql/20150100000001000000_networks.postgres.up.sql

-- upgrade
CREATE TABLE "networks" (
"id" UUID NOT NULL,
PRIMARY KEY("id"),
"created_at" timestamp NOT NULL,
"updated_at" timestamp NOT NULL
);

-- downgrade
DROP TABLE "networks";
