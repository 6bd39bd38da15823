-- revision: s00000000001
-- down_revision: none
-- message: Record the settings the migration connection runs with

-- upgrade
CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout;

-- downgrade
DROP TABLE seen;
