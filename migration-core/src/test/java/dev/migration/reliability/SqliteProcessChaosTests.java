package dev.migration.reliability;

import java.util.List;

import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

/**
 * SQLite: the OS drops a killed process's file locks and the next connection rolls its
 * hot journal back.
 */
class SqliteProcessChaosTests extends ProcessChaosTests {

	@Override
	TestDatabase newDatabase() {
		return SqliteDatabase.in(this.temporary);
	}

	@Override
	String holderUrl(TestDatabase database) {
		return database.url();
	}

	@Override
	List<String> holderDescription(TestDatabase database, Process holder) {
		// SQLite cannot tell which process holds its write lock; the message names the
		// lock and the database
		return List.of("write lock", ((SqliteDatabase) database).file().toString());
	}

}
