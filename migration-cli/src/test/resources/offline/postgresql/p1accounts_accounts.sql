-- revision: p1accounts
-- down_revision: none
-- message: Accounts with 'quotes', "doubles", a \backslash, */ and -- dashes

-- upgrade
CREATE TABLE accounts (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL, -- the display name; a ';' here does not split
    note TEXT DEFAULT 'a;b -- not a comment',
    tags TEXT[] NOT NULL DEFAULT '{}'
) -- the last statement has no semicolon
-- and a comment line follows it

-- downgrade
DROP TABLE accounts -- no semicolon here either
-- a comment line after the last statement
