package dev.migration.operations;

import dev.migration.support.DatabaseKind;

class SqliteOperationsTests extends OperationsTests implements DatabaseKind.Sqlite {

	@Override
	String[] expectedUpgradeSql() {
		return new String[] { """
				CREATE TABLE users (
				    id INTEGER PRIMARY KEY,
				    username VARCHAR(50) NOT NULL,
				    email VARCHAR(255)
				);
				CREATE UNIQUE INDEX ix_users_email ON users (email);
				""", "ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT 0;\n",
				"    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,\n",
				"-- SQLite has no ALTER TABLE for this; at run time the table users is moved and copied: "
						+ "ADD CONSTRAINT fk_users_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET "
						+ "NULL\n",
				"ALTER TABLE users RENAME COLUMN email TO email_address;\n",
				"ALTER TABLE users DROP COLUMN email_verified;\n" };
	}

	@Override
	String[] expectedDowngradeSql() {
		return new String[] { "DROP INDEX ix_posts_user;\nDROP TABLE posts;\n",
				"ALTER TABLE users RENAME COLUMN email_address TO email;\n" };
	}

}
