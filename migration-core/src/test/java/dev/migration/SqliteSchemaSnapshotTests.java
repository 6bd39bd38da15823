package dev.migration;

import java.nio.file.Path;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteSchemaSnapshotTests extends SchemaSnapshotTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

	@Override
	String[] changeTypeOfX() {
		// SQLite changes a type only by building the table again
		return new String[] { "DROP TABLE t", "CREATE TABLE t (x TEXT)" };
	}

}
