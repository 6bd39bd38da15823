package dev.migration.cli;

import java.nio.file.Path;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteAlembicDatabaseCommandsTest extends AlembicDatabaseCommandsTest {

	@Override
	TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

	@Override
	String schema() {
		return null;
	}

}
