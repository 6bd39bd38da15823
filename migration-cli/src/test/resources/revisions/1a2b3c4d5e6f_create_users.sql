-- revision: 1a2b3c4d5e6f
-- down_revision: none
-- message: Create users
-- created: 2026-11-24T08:00:00Z

-- upgrade
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    username VARCHAR(50) NOT NULL,
    email VARCHAR(120) NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- downgrade
DROP INDEX ix_users_email;
DROP INDEX ix_users_username;
DROP TABLE users;
