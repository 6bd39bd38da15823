package dev.migration.cli;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

/** {@code alembic_version} in a schema of its own, named with {@code --schema}. */
class PostgresAlembicDatabaseCommandsTest extends AlembicDatabaseCommandsTest {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

	@Override
	String schema() {
		return "legacy";
	}

	@Override
	void createSchema() {
		this.database.execute("CREATE SCHEMA legacy");
	}

}
