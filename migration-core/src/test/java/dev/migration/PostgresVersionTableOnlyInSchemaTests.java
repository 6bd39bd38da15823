package dev.migration;

/**
 * {@code alembic_version} in a schema of its own ({@code migrations.schema}), where the history table is created
 * beside it.
 */
class PostgresVersionTableOnlyInSchemaTests extends PostgresVersionTableOnlyTests {

	@Override
	String schema() {
		return "legacy";
	}

}
