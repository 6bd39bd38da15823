-- revision: d4c3f6a5b7c8
-- down_revision: c3d2e5f4a6b7
-- message: Add posts
-- created: 2026-11-24T09:03:00Z

-- upgrade
CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_posts_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_posts_user_id ON posts (user_id);

-- downgrade
DROP TABLE posts;
