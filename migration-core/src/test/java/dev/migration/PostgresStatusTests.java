package dev.migration;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

class PostgresStatusTests extends MigrationStatusTests {

	@Override
	protected TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

}
