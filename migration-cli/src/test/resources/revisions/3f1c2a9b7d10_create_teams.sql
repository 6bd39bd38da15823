-- revision: 3f1c2a9b7d10
-- down_revision: 9a8b7c6d5e4f
-- message: Create teams
-- created: 2026-11-24T08:20:00Z

-- upgrade
CREATE TABLE teams (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE -- one team per name; a ';' here must not split
);
CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
INSERT INTO teams (id, name) VALUES (1, 'Core; the first team');

-- downgrade
DROP TABLE team_members;
DROP TABLE teams;
