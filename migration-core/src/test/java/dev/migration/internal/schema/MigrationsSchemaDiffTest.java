package dev.migration.internal.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import dev.migration.SchemaFilter;
import dev.migration.support.SeedSchema;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public API: {@link Migrations#check} and {@link Migrations#autogenerate} over the
 * seed revisions.
 */
class MigrationsSchemaDiffTest {

	static final String SEED = SeedSchema.AT_HEAD;

	@TempDir
	Path directory;

	Migrations migrations;

	SqliteDatabase database;

	@BeforeEach
	void setUp() {
		this.database = SqliteDatabase.in(this.directory);
		this.migrations = Migrations
			.create(MigrationConfiguration.builder().url(this.database.url()).locations("classpath:db/seed").build());
	}

	@Test
	void checkFindsNothingWhenTheDatabaseAtHeadsMatches() throws Exception {
		this.migrations.upgrade("heads");
		Path file = this.directory.resolve("schema.sql");
		Files.writeString(file, SEED);
		SchemaDiff diff = this.migrations.check(file);
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.upgradeSql()).isEmpty();
		assertThat(diff.downgradeSql()).isEmpty();
	}

	@Test
	void autogenerateGivesTheUpgradeAndItsReverse() {
		this.migrations.upgrade("heads");
		SchemaDiff diff = this.migrations.autogenerate(SEED + "CREATE TABLE tags (id INTEGER PRIMARY KEY);",
				SchemaFilter.defaults());
		assertThat(diff.differences()).containsExactly("add table tags");
		assertThat(diff.upgradeSql()).isEqualTo("CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
		assertThat(diff.downgradeSql()).isEqualTo("DROP TABLE tags;\n");
	}

	@Test
	void anExcludedTableIsNeverDropped() {
		this.migrations.upgrade("heads");
		this.database.execute("CREATE TABLE spatial_ref_sys (srid INTEGER PRIMARY KEY)");
		this.database.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)");
		assertThat(this.migrations.check(SEED).differences()).containsExactly("remove table audit_log");
		assertThat(this.migrations.check(SEED, SchemaFilter.defaults().excluding(List.of("audit_*"))).isEmpty())
			.isTrue();
		assertThat(this.migrations.check(SEED, new SchemaFilter(List.of(), List.of())).differences())
			.containsExactly("remove table audit_log", "remove table spatial_ref_sys");
	}

	@Test
	void bothRefuseADatabaseBelowHeads() {
		this.migrations.upgrade("9a8b7c6d5e4f");
		assertThatThrownBy(() -> this.migrations.check(SEED)).isInstanceOf(MigrationException.class)
			.hasMessage("The database is not at heads: current 9a8b7c6d5e4f, heads 7d2e41c0b9aa. Nothing was checked. "
					+ "Run 'upgrade heads' first, so that the comparison shows only what the revisions lack.");
		assertThatThrownBy(() -> this.migrations.autogenerate(SEED, SchemaFilter.defaults()))
			.hasMessageContaining("Nothing was generated.");
	}

	@Test
	void aMissingTargetFileIsNamed() {
		this.migrations.upgrade("heads");
		assertThatThrownBy(() -> this.migrations.check(this.directory.resolve("nope.sql")))
			.hasMessageStartingWith("Target schema file '" + this.directory.resolve("nope.sql") + "' does not exist.");
	}

}
