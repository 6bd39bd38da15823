package dev.migration;

import java.nio.file.Path;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteConcurrentUpgradeTests extends ConcurrentUpgradeTests {

	@Override
	protected TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

}
