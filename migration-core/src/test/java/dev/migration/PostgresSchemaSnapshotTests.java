package dev.migration;

import dev.migration.support.DatabaseKind;

class PostgresSchemaSnapshotTests extends SchemaSnapshotTests implements DatabaseKind.Postgres {

	@Override
	String[] changeTypeOfX() {
		return new String[] { "ALTER TABLE t ALTER COLUMN x TYPE text" };
	}

}
