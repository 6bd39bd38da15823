package dev.migration;

import java.util.List;

import dev.migration.support.DatabaseKind;

class SqliteVersionTableOnlyTests extends VersionTableOnlyTests implements DatabaseKind.Sqlite {

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
