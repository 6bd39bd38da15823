package dev.migration.support;

import java.nio.file.Path;

/**
 * The real database a test class runs on. An abstract test states what to check; each
 * concrete subclass mixes in its database: {@code implements DatabaseKind.Postgres}.
 */
public interface DatabaseKind {

	/** A fresh, empty database for one test; SQLite's file goes into the directory. */
	TestDatabase newDatabase(Path directory);

	/** A fresh database on the shared embedded PostgreSQL server. */
	interface Postgres extends DatabaseKind {

		@Override
		default TestDatabase newDatabase(Path directory) {
			return PostgresDatabase.create();
		}

	}

	/** A SQLite file in the test's directory. */
	interface Sqlite extends DatabaseKind {

		@Override
		default TestDatabase newDatabase(Path directory) {
			return SqliteDatabase.in(directory);
		}

	}

}
