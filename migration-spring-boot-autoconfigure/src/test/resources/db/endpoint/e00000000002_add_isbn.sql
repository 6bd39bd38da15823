-- revision: e00000000002
-- down_revision: e00000000001
-- message: Add isbn

-- upgrade
ALTER TABLE books ADD COLUMN isbn VARCHAR(20);
