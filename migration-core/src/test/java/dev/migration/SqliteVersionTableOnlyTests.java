package dev.migration;

import java.nio.file.Path;
import java.util.List;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

class SqliteVersionTableOnlyTests extends VersionTableOnlyTests {

	@Override
	protected TestDatabase newDatabase(Path directory) {
		return SqliteDatabase.in(directory);
	}

	@Override
	String schema() {
		return null;
	}

	@Override
	boolean tableExists(String table) {
		return this.database.count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) > 0;
	}

	/** SQLite keeps a table's DDL as it was written. */
	@Override
	List<String> versionTableDefinition() {
		return this.database.queryStrings("SELECT sql FROM sqlite_master WHERE name = ?", VERSION_TABLE);
	}

}
