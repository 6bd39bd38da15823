-- revision: 7d2e41c0b9aa
-- down_revision: 3f1c2a9b7d10
-- message: Create posts
-- created: 2026-11-24T08:30:00Z

-- upgrade
CREATE TABLE posts (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title VARCHAR(200) NOT NULL,
    body TEXT
);
/* posts are listed per user, newest first */
CREATE INDEX ix_posts_user_id ON posts (user_id);

-- downgrade
DROP INDEX ix_posts_user_id;
DROP TABLE posts;
