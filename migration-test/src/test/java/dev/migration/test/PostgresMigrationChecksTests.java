package dev.migration.test;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

class PostgresMigrationChecksTests extends MigrationChecksTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

}
