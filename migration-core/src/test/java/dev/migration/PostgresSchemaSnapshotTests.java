package dev.migration;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

class PostgresSchemaSnapshotTests extends SchemaSnapshotTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

	@Override
	String[] changeTypeOfX() {
		return new String[] { "ALTER TABLE t ALTER COLUMN x TYPE text" };
	}

}
