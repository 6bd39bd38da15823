package dev.migration;

import java.util.ArrayList;
import java.util.List;

import dev.migration.support.DatabaseKind;

class PostgresVersionTableOnlyTests extends VersionTableOnlyTests implements DatabaseKind.Postgres {

	@Override
	String schema() {
		return null;
	}

	private String schemaName() {
		return (schema() != null) ? schema() : "public";
	}

	@Override
	void createSchema() {
		this.database.execute("CREATE SCHEMA " + schema());
	}

	@Override
	boolean tableExists(String table) {
		return this.database.count(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? " + "AND table_name = ?",
				schemaName(), table) > 0;
	}

	@Override
	List<String> versionTableDefinition() {
		List<String> definition = new ArrayList<>(this.database.queryStrings(
				"SELECT column_name || ' ' || data_type || '(' || character_maximum_length || ') ' || is_nullable "
						+ "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
						+ "ORDER BY ordinal_position",
				schemaName(), VERSION_TABLE));
		definition.addAll(this.database.queryStrings("SELECT conname || ' ' || pg_get_constraintdef(oid) "
				+ "FROM pg_constraint WHERE conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass "
				+ "ORDER BY conname", schemaName(), VERSION_TABLE));
		return definition;
	}

}
