package dev.migration;

import java.util.List;

import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import static dev.migration.MigrationsExecutionTests.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alembic_version} in a schema of its own ({@code migrations.schema}), where the
 * history table is created beside it.
 */
class PostgresVersionTableOnlyInSchemaTests extends PostgresVersionTableOnlyTests {

	@Override
	String schema() {
		return "legacy";
	}

	@Test
	void anOwnerOfTheSchemaWhoMayNotCreateSchemasWritesTheFirstHistoryRow() {
		versionedByAlembicAt(TEAMS);
		// what an application's database user often is: owner of its schema, no CREATE on
		// the database
		String owner = ((PostgresDatabase) this.database).name() + "_owner";
		this.database.execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'secret'");
		this.database.execute("ALTER SCHEMA legacy OWNER TO " + owner);
		this.database.execute("ALTER TABLE legacy.alembic_version OWNER TO " + owner);
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(this.database.url())
			.user(owner)
			.password("secret")
			.locations("filesystem:" + this.revisions)
			.schema(schema())
			.versionTable(VERSION_TABLE)
			.build());

		migrations.stamp(List.of("base"), false);

		assertThat(versionRows()).isEmpty();
		assertThat(history()).containsExactly("stamp base");
	}

}
