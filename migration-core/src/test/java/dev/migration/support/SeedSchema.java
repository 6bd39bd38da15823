package dev.migration.support;

/**
 * The schema the seed revisions ({@code db/seed} of the core's test resources) bring a
 * database to, written as one desired-state file: what {@code check} and
 * {@code autogenerate} compare the seed with, in the core's tests and the command line's.
 */
public final class SeedSchema {

	/** At the seed's head. */
	public static final String AT_HEAD = """
			CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, username VARCHAR(50) NOT NULL,
			    email VARCHAR(120) NOT NULL, is_active BOOLEAN NOT NULL DEFAULT TRUE,
			    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
			    email_verified BOOLEAN NOT NULL DEFAULT FALSE, email_verified_at TIMESTAMP);
			CREATE UNIQUE INDEX ix_users_username ON users (username);
			CREATE UNIQUE INDEX ix_users_email ON users (email);
			CREATE TABLE teams (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);
			CREATE TABLE team_members (
			    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
			    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			    PRIMARY KEY (team_id, user_id));
			CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY,
			    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			    title VARCHAR(200) NOT NULL, body TEXT);
			CREATE INDEX ix_posts_user_id ON posts (user_id);
			""";

	private SeedSchema() {
	}

}
