-- revision: c3d2e5f4a6b7
-- down_revision: b2e1d4c3f5a6
-- message: Add teams
-- created: 2026-11-24T08:52:00Z

-- upgrade
CREATE TABLE teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(100) NOT NULL
);
CREATE UNIQUE INDEX ix_teams_name ON teams (name);
-- SQLite cannot add a constraint to an existing table, but it can add a column that carries one
ALTER TABLE users ADD COLUMN team_id INTEGER CONSTRAINT fk_users_team_id REFERENCES teams (id) ON DELETE CASCADE;
CREATE INDEX ix_users_team_id ON users (team_id);

-- downgrade
-- SQLite cannot drop a column that is part of a foreign key: rebuild the table without it (move and copy)
CREATE TABLE users_without_team (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username VARCHAR(50) NOT NULL,
    email VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified_at TIMESTAMP
);
INSERT INTO users_without_team (id, username, email, created_at, email_verified, email_verified_at)
    SELECT id, username, email, created_at, email_verified, email_verified_at FROM users;
DROP TABLE users;
ALTER TABLE users_without_team RENAME TO users;
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_created_at ON users (created_at);
DROP TABLE teams;
