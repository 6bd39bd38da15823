package dev.migration.internal.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import dev.migration.SchemaFilter;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code check} and {@code autogenerate} with a dev database: a second PostgreSQL
 * database on the embedded server takes the target schema, and the live database never
 * sees it.
 */
class DevUrlTests {

	static final String CHANGED = MigrationsSchemaDiffTest.SEED
		.replace("CREATE INDEX ix_posts_user_id ON posts " + "(user_id);\n", "") + """
				CREATE TABLE tags (
				    id INTEGER NOT NULL PRIMARY KEY,
				    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
				    label VARCHAR(30) NOT NULL
				);
				CREATE INDEX ix_tags_post_id ON tags (post_id);
				""";

	/**
	 * Every schema and every relation in it outside the system's own, to tell that a
	 * database was left alone.
	 */
	private static final String CONTENTS = "SELECT n.nspname || coalesce('.' || c.relname, '') FROM pg_namespace n "
			+ "LEFT JOIN pg_class c ON c.relnamespace = n.oid WHERE n.nspname NOT LIKE 'pg\\_%' "
			+ "AND n.nspname <> 'information_schema' ORDER BY 1";

	private static final String SCRATCH_SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE "
			+ "'migration\\_scratch\\_%'";

	@TempDir
	Path directory;

	private static Migrations migrations(PostgresDatabase live, String devUrl) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(live.url())
			.user(live.user())
			.password(live.password())
			.devUrl(devUrl)
			.locations("classpath:db/seed")
			.build());
	}

	/**
	 * A dev database that already holds things of its own, which must stay as they are.
	 */
	private static PostgresDatabase devDatabase() {
		PostgresDatabase dev = PostgresDatabase.create();
		dev.execute("CREATE SCHEMA reports");
		dev.execute("CREATE TABLE reports.daily (day DATE PRIMARY KEY)");
		dev.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, note TEXT)");
		return dev;
	}

	/**
	 * Counts the DDL statements the database sees, even those of a transaction rolled
	 * back (a sequence never goes back), to tell that the target schema's SQL did not run
	 * there.
	 */
	private static void countDdl(PostgresDatabase database) {
		// in a schema of its own: functions and sequences of the compared schema take
		// part in the comparison
		database.execute("CREATE SCHEMA ddl_audit");
		database.execute("CREATE SEQUENCE ddl_audit.ddl_seen");
		database.execute("CREATE FUNCTION ddl_audit.count_ddl() RETURNS event_trigger LANGUAGE plpgsql AS "
				+ "$$ BEGIN PERFORM nextval('ddl_audit.ddl_seen'); END $$");
		database.execute("CREATE EVENT TRIGGER count_ddl ON ddl_command_start EXECUTE FUNCTION ddl_audit.count_ddl()");
	}

	private static long ddlSeen(PostgresDatabase database) {
		return database.count("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ddl_audit.ddl_seen");
	}

	/**
	 * A URL without the embedded server's {@code ?user=postgres}, so that the configured
	 * user counts.
	 */
	private static String plainUrl(PostgresDatabase database) {
		return "jdbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/" + database.name();
	}

	@Test
	void aDevDatabaseGivesTheSameDifferencesAsTheTemporarySchemaAndLeavesBothDatabasesAsTheyWere() {
		PostgresDatabase live = PostgresDatabase.create();
		PostgresDatabase dev = devDatabase();
		Migrations withoutDev = migrations(live, null);
		withoutDev.upgrade("heads");
		countDdl(live);
		List<String> liveBefore = live.queryStrings(CONTENTS);
		List<String> devBefore = dev.queryStrings(CONTENTS);

		Migrations withDev = migrations(live, dev.url());
		SchemaDiff checked = withDev.check(CHANGED);
		SchemaDiff generated = withDev.autogenerate(CHANGED, SchemaFilter.defaults());
		assertThat(ddlSeen(live)).isZero();

		SchemaDiff expected = withoutDev.check(CHANGED);
		// the temporary schema in the live database, for comparison: there the target's
		// DDL does run
		assertThat(ddlSeen(live)).isPositive();
		assertThat(expected.differences()).contains("add table tags", "remove index ix_posts_user_id on posts");
		assertThat(checked).isEqualTo(expected);
		assertThat(generated).isEqualTo(withoutDev.autogenerate(CHANGED, SchemaFilter.defaults()));
		assertThat(withDev.check(MigrationsSchemaDiffTest.SEED).isEmpty()).isTrue();
		assertThat(live.queryStrings(CONTENTS)).isEqualTo(liveBefore).noneMatch((name) -> name.contains("tags"));
		assertThat(live.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
		assertThat(dev.queryStrings(CONTENTS)).isEqualTo(devBefore);
	}

	@Test
	void aUserWhoMayNotCreateSchemasInTheDatabaseChecksWithADevDatabase() {
		PostgresDatabase live = PostgresDatabase.create();
		PostgresDatabase dev = PostgresDatabase.create();
		migrations(live, null).upgrade("heads");
		String role = "checker_" + UUID.randomUUID().toString().substring(0, 8);
		live.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'checker'");
		live.execute("GRANT SELECT ON migration_version, migration_history TO " + role);
		dev.execute("GRANT CREATE ON DATABASE " + dev.name() + " TO " + role);
		MigrationConfiguration checker = MigrationConfiguration.builder()
			.url(plainUrl(live))
			.user(role)
			.password("checker")
			.locations("classpath:db/seed")
			.build();

		// the temporary schema needs CREATE on the live database, which this user lacks
		assertThatThrownBy(() -> Migrations.create(checker).check(CHANGED)).isInstanceOf(MigrationException.class)
			.hasMessageContaining("in a temporary schema: ERROR: permission denied for database " + live.name())
			.hasMessageEndingWith("The user needs CREATE on the database, or give a dev database to apply the target "
					+ "schema to instead (--dev-url).");
		// the dev database takes the same user and password
		SchemaDiff diff = Migrations.create(checker.toBuilder().devUrl(plainUrl(dev)).build()).check(CHANGED);

		assertThat(diff).isEqualTo(migrations(live, null).check(CHANGED));
		assertThat(dev.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
	}

	@Test
	void aFailingTargetStatementNamesFileAndLineAndLeavesNothingBehind() throws Exception {
		PostgresDatabase live = PostgresDatabase.create();
		PostgresDatabase dev = devDatabase();
		migrations(live, null).upgrade("heads");
		countDdl(live);
		List<String> liveBefore = live.queryStrings(CONTENTS);
		List<String> devBefore = dev.queryStrings(CONTENTS);
		Path file = this.directory.resolve("schema.sql");
		Files.writeString(file, CHANGED + "\nCREATE TABLE broken (id INTEGER REFERENCES nowhere (id));\n");
		long line = CHANGED.lines().count() + 2;

		assertThatThrownBy(() -> migrations(live, dev.url()).check(file)).isInstanceOf(MigrationException.class)
			.hasMessageStartingWith(
					"Target schema " + file + ":" + line + ": ERROR: relation \"nowhere\" does not exist")
			.hasMessageContaining("Nothing was changed in the database");
		assertThat(ddlSeen(live)).isZero();
		assertThat(live.queryStrings(CONTENTS)).isEqualTo(liveBefore);
		assertThat(live.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
		assertThat(dev.queryStrings(CONTENTS)).isEqualTo(devBefore);
	}

	@Test
	void aDevDatabaseOfAnotherKindIsRefusedNamingBothBeforeAnythingRuns() {
		PostgresDatabase dev = PostgresDatabase.create();
		SqliteDatabase sqlite = SqliteDatabase.in(this.directory);
		// below heads: the kind is refused first, not the missing upgrade
		Migrations onSqlite = Migrations.create(MigrationConfiguration.builder()
			.url(sqlite.url())
			.devUrl(dev.url())
			.locations("classpath:db/seed")
			.build());
		assertThatThrownBy(() -> onSqlite.check(CHANGED)).isInstanceOf(MigrationException.class)
			.hasMessage("The dev database " + dev.url() + " is PostgreSQL but the database " + sqlite.url()
					+ " is SQLite: the target schema must be applied to a database of the same kind. Nothing was "
					+ "compared. Leave out the dev URL (--dev-url, MIGRATIONS_DEV_URL).");

		PostgresDatabase live = PostgresDatabase.create();
		Path devFile = this.directory.resolve("dev.db");
		Migrations onPostgres = migrations(live, "jdbc:sqlite:" + devFile);
		assertThatThrownBy(() -> onPostgres.autogenerate(CHANGED, SchemaFilter.defaults()))
			.hasMessageStartingWith("The dev database jdbc:sqlite:" + devFile + " is SQLite but the database "
			// the test server's user is also its password: masked wherever it appears
					+ live.url().replace("user=" + live.password(), "user=****") + " is PostgreSQL");
		assertThat(devFile).doesNotExist();
		assertThat(live.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
	}

	@Test
	void sqliteRefusesADevDatabaseItWouldNeverUse() {
		SqliteDatabase sqlite = SqliteDatabase.in(this.directory);
		Path devFile = this.directory.resolve("dev.db");
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(sqlite.url())
			.devUrl("jdbc:sqlite:" + devFile)
			.locations("classpath:db/seed")
			.build());
		migrations.upgrade("heads");
		assertThatThrownBy(() -> migrations.check(CHANGED)).isInstanceOf(MigrationException.class)
			.hasMessageStartingWith("A dev database is for PostgreSQL only: on SQLite the target schema is always "
					+ "applied to a private in-memory database");
		assertThat(devFile).doesNotExist();
	}

}
