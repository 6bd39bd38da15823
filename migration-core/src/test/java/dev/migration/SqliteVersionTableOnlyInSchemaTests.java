package dev.migration;

/**
 * The tables named with SQLite's schema of the main database file, as
 * {@code migrations.schema=main} says.
 */
class SqliteVersionTableOnlyInSchemaTests extends SqliteVersionTableOnlyTests {

	@Override
	String schema() {
		return "main";
	}

}
