package dev.migration;

import dev.migration.support.DatabaseKind;

class SqliteSchemaSnapshotTests extends SchemaSnapshotTests implements DatabaseKind.Sqlite {

	@Override
	String[] changeTypeOfX() {
		// SQLite changes a type only by building the table again
		return new String[] { "DROP TABLE t", "CREATE TABLE t (x TEXT)" };
	}

}
