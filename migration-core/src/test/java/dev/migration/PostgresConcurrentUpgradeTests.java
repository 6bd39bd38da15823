package dev.migration;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

class PostgresConcurrentUpgradeTests extends ConcurrentUpgradeTests {

	@Override
	protected TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

}
