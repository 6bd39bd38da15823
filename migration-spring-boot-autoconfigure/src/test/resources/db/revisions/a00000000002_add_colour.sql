-- revision: a00000000002
-- down_revision: a00000000001
-- message: Add colour

-- upgrade
ALTER TABLE things ADD COLUMN colour VARCHAR(20);

-- downgrade
ALTER TABLE things DROP COLUMN colour;
