package dev.migration.internal.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import dev.migration.SchemaFilter;
import dev.migration.operations.Column;
import dev.migration.operations.ColumnType;
import dev.migration.operations.TargetSchema;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target schema as a Java model: compared like a SQL file, and a revision generated
 * from it brings the database to the model.
 */
class JavaModelTargetTests {

	private static final TargetSchema MODEL = (schema) -> {
		schema.createTable("things", Column.of("id", ColumnType.INTEGER).primaryKey(),
				Column.of("name", ColumnType.varchar(50)).notNull());
		schema.createIndex("ix_things_name", "things", "name");
	};

	@TempDir
	Path directory;

	@Test
	void sqliteModelRoundTripsThroughAGeneratedRevision() throws IOException {
		assertRoundTrip(SqliteDatabase.in(this.directory));
	}

	@Test
	void postgresModelRoundTripsThroughAGeneratedRevision() throws IOException {
		assertRoundTrip(PostgresDatabase.create());
	}

	private void assertRoundTrip(TestDatabase database) throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions-" + database.kind()));
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.url(database.url())
			.user(database.user())
			.password(database.password())
			.locations("filesystem:" + revisions)
			.build();

		SchemaDiff diff = Migrations.create(configuration).autogenerate(MODEL, SchemaFilter.defaults());

		assertThat(diff.differences()).contains("add table things");
		Files.writeString(revisions.resolve("m00000000001_things.sql"),
				"-- revision: m00000000001\n" + "-- down_revision: none\n\n-- upgrade\n" + diff.upgradeSql()
						+ "\n-- downgrade\n" + diff.downgradeSql());
		Migrations migrations = Migrations.create(configuration);
		migrations.upgrade("heads");
		assertThat(database.schema()).contains("things.index ix_things_name", "things.name varchar NO");
		assertThat(migrations.check(MODEL, SchemaFilter.defaults()).isEmpty()).isTrue();
		migrations.downgrade("base");
		assertThat(database.tables()).isEmpty();
	}

}
