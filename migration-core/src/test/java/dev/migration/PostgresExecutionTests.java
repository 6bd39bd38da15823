package dev.migration;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

class PostgresExecutionTests extends MigrationsExecutionTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

}
