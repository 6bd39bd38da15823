package dev.migration.test;

import java.nio.file.Path;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteMigrationChecksTests extends MigrationChecksTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

}
