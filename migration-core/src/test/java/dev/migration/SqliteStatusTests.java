package dev.migration;

import java.nio.file.Path;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteStatusTests extends MigrationStatusTests {

	@Override
	protected TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

}
