package dev.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migration.operations.Column;
import dev.migration.operations.ColumnType;
import dev.migration.operations.Operations;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.ScriptClients;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plan rendered as a script, run as printed by the real {@code psql} or {@code sqlite3}
 * (never through JDBC, which reads a script differently), leaves the same schema and
 * version rows as an online upgrade.
 */
class OfflineScriptTests {

	/** A message that a {@code --} comment line or a literal could trip on. */
	private static final String AWKWARD_MESSAGE = "Two lines\nand a carriage\rreturn, 'quotes', \"doubles\", "
			+ "a \\backslash, */ /* -- and :PORT";

	@TempDir
	Path temporary;

	private static Migrations offline(String dialect, List<JavaRevision> javaRevisions) {
		return Migrations.create(MigrationConfiguration.builder()
			.locations("classpath:db/seed")
			.dialect(dialect)
			.javaRevisions(javaRevisions)
			.build());
	}

	private static Migrations online(TestDatabase database, List<JavaRevision> javaRevisions) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(database.url())
			.user(database.user())
			.password(database.password())
			.locations("classpath:db/seed")
			.javaRevisions(javaRevisions)
			.build());
	}

	@Test
	void sqliteScriptFromBaseToHeadsMatchesAnOnlineUpgrade() {
		assertScriptMatchesOnline(List.of(), new SqliteDatabase(this.temporary.resolve("script.db")),
				new SqliteDatabase(this.temporary.resolve("online.db")));
	}

	@Test
	void postgresScriptFromBaseToHeadsMatchesAnOnlineUpgrade() {
		assertScriptMatchesOnline(List.of(), PostgresDatabase.create(), PostgresDatabase.create());
	}

	@Test
	void sqliteScriptOfJavaRevisionsMatchesAnOnlineUpgrade() {
		assertScriptMatchesOnline(List.of(new JavaTable()), new SqliteDatabase(this.temporary.resolve("script.db")),
				new SqliteDatabase(this.temporary.resolve("online.db")));
	}

	@Test
	void postgresScriptOfJavaRevisionsMatchesAnOnlineUpgrade() {
		assertScriptMatchesOnline(List.of(new JavaTable()), PostgresDatabase.create(), PostgresDatabase.create());
	}

	@Test
	void scriptWrapsEachStepInItsOwnTransactionWithItsBookkeeping() {
		Migrations migrations = offline("postgresql", List.of());
		Plan plan = migrations.plan(Direction.UPGRADE, List.of("9a8b7c6d5e4f"), List.of(), false);

		String script = migrations.script(plan, "dba");

		assertThat(script).contains("CREATE TABLE IF NOT EXISTS \"migration_version\"");
		assertThat(script.split("BEGIN;", -1)).hasSize(3);
		assertThat(script.split("COMMIT;", -1)).hasSize(3);
		assertThat(script).contains("INSERT INTO \"migration_version\" (version_num) VALUES ('1a2b3c4d5e6f')");
		assertThat(script).contains(
				"UPDATE \"migration_version\" SET version_num = '9a8b7c6d5e4f' WHERE version_num = '1a2b3c4d5e6f'");
		assertThat(script).contains("'dba'");
	}

	@Test
	void theRunningLineOfAStepStaysOneCommentLine() {
		Migrations migrations = offline("sqlite", List.of(new JavaTable()));
		String script = migrations
			.runnableScript(migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false), "dba");

		assertThat(script).contains("\n-- Running upgrade 7d2e41c0b9aa -> java_table, Two lines and a carriage return, "
				+ "'quotes', \"doubles\", a \\backslash, */ /* -- and :PORT\nBEGIN;\n");
	}

	@Test
	void aScriptStopsAtTheFirstErrorEvenWhenTheClientIsNotToldTo() {
		List<JavaRevision> failing = List.of(new FailingHalfway());
		SqliteDatabase sqlite = new SqliteDatabase(this.temporary.resolve("script.db"));
		Migrations sqliteScripts = offline("sqlite", failing);
		ScriptClients.Outcome sqliteRun = ScriptClients.sqlite3AsIs(sqlite, sqliteScripts
			.runnableScript(sqliteScripts.plan(Direction.UPGRADE, List.of("heads"), List.of(), false), "dba"));
		PostgresDatabase postgres = PostgresDatabase.create();
		Migrations postgresScripts = offline("postgresql", failing);
		ScriptClients.Outcome postgresRun = ScriptClients.psqlAsIs(postgres, postgresScripts
			.runnableScript(postgresScripts.plan(Direction.UPGRADE, List.of("heads"), List.of(), false), "dba"));

		for (TestDatabase database : List.of(sqlite, postgres)) {
			assertThat(database.queryStrings("SELECT version_num FROM migration_version")).as(database.kind())
				.containsExactly("7d2e41c0b9aa");
			assertThat(database.queryStrings("SELECT revision FROM migration_history WHERE revision = 'halfway'"))
				.as(database.kind())
				.isEmpty();
			assertThat(database.tables()).as(database.kind()).doesNotContain("after_the_failure");
		}
		assertThat(sqliteRun.exitCode()).isNotZero();
		assertThat(postgresRun.exitCode()).isNotZero();
	}

	@Test
	void runnableScriptRefusesAJavaRevisionWhoseCodeNeedsTheDatabase() {
		Migrations migrations = offline("postgresql", List.of(new NeedsConnection()));
		Plan plan = migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false);

		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.runnableScript(plan, "dba"))
			.withMessageStartingWith("Cannot print the upgrade of revision needs_connection (")
			.withMessageContaining("its code needs a database to run")
			.withMessageContaining("Run the command against the database instead of --sql");
		assertThat(migrations.script(plan, "dba")).contains("runs code; its SQL cannot be shown offline");
	}

	@Test
	void runnableScriptRefusesASqliteMoveAndCopy() {
		Migrations migrations = offline("sqlite", List.of(new JavaTable(), new AddsCheck()));
		Plan plan = migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false);

		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.runnableScript(plan, "dba"))
			.withMessageStartingWith("Cannot print the upgrade of revision adds_check (")
			.withMessageContaining("moves and copies table java_notes");
		assertThat(migrations.script(plan, "dba")).contains("-- SQLite has no ALTER TABLE for this");
		assertThat(offline("postgresql", List.of(new JavaTable(), new AddsCheck())).runnableScript(plan, "dba"))
			.contains("ADD CONSTRAINT ck_short CHECK");
	}

	private void assertScriptMatchesOnline(List<JavaRevision> javaRevisions, TestDatabase scripted, TestDatabase live) {
		Migrations migrations = offline(scripted.kind(), javaRevisions);
		String upgrade = migrations
			.runnableScript(migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false), "dba");
		// the history rows say when the script ran, not when it was written
		assertThat(upgrade.lines().filter((line) -> line.contains("migration_history\" ("))).isNotEmpty()
			.noneMatch((line) -> line.matches(".*'\\d{4}-\\d\\d-\\d\\dT.*"));
		Instant beforeRun = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		run(scripted, upgrade);
		assertThat(online(scripted, javaRevisions).history(100)).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.appliedAt()).isAfterOrEqualTo(beforeRun)
				.isBeforeOrEqualTo(Instant.now()));
		online(live, javaRevisions).upgrade("heads");

		assertThat(schema(scripted)).isEqualTo(schema(live)).isNotEmpty();
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version"))
			.isEqualTo(live.queryStrings("SELECT version_num FROM migration_version"));
		assertThat(scripted.queryStrings("SELECT message FROM migration_history ORDER BY id"))
			.isEqualTo(live.queryStrings("SELECT message FROM migration_history ORDER BY id"));
		assertThat(online(scripted, javaRevisions).validate()).isEmpty();
		assertThat(online(scripted, javaRevisions).upgrade("heads").steps()).isEmpty();
		if (!javaRevisions.isEmpty()) {
			String rows = "SELECT body FROM java_notes ORDER BY id";
			assertThat(scripted.queryStrings(rows)).isEqualTo(live.queryStrings(rows)).hasSize(2);
		}

		List<String> heads = live.queryStrings("SELECT version_num FROM migration_version");
		run(scripted,
				migrations.runnableScript(migrations.plan(Direction.DOWNGRADE, List.of("base"), heads, false), "dba"));
		online(live, javaRevisions).downgrade("base");
		assertThat(schema(scripted)).isEqualTo(schema(live));
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version")).isEmpty();
	}

	private static void run(TestDatabase database, String script) {
		if (database instanceof SqliteDatabase sqlite) {
			ScriptClients.sqlite3(sqlite, script);
		}
		else {
			ScriptClients.psql((PostgresDatabase) database, script);
		}
	}

	private static List<String> schema(TestDatabase database) {
		if (database instanceof SqliteDatabase sqlite) {
			return new ArrayList<>(List.of(ScriptClients.sqliteSchema(sqlite).split("\n")));
		}
		return ScriptClients.postgresCatalog((PostgresDatabase) database);
	}

	/**
	 * Operations whose rendering a script could trip on, with a message that a comment
	 * line could trip on.
	 */
	static final class JavaTable extends TestRevision {

		JavaTable() {
			super("java_table", "7d2e41c0b9aa", AWKWARD_MESSAGE);
		}

		@Override
		public void upgrade(Operations operations) {
			operations.createTable("java_notes", Column.of("id", ColumnType.INTEGER).primaryKey(),
					Column.of("body", ColumnType.TEXT));
			operations.bulkInsert("java_notes", List.of(Map.of("id", 1, "body", "line one\n\\d+ :PORT\ngo\n/\n.tables"),
					Map.of("id", 2, "body", "it's -- not a comment; /* nor this")));
			operations.execute("CREATE INDEX ix_java_notes_body ON java_notes (body) -- a trailing comment");
		}

		@Override
		public void downgrade(Operations operations) {
			operations.execute("DROP INDEX ix_java_notes_body -- a trailing comment");
			operations.dropTable("java_notes");
		}

	}

	/** Reads the database in its code: there is nothing to print. */
	static final class NeedsConnection extends TestRevision {

		NeedsConnection() {
			super("needs_connection", "7d2e41c0b9aa", "");
		}

		@Override
		public void upgrade(Operations operations) throws Exception {
			operations.connection().createStatement().execute("SELECT 1");
		}

	}

	/** A check constraint: on SQLite a move-and-copy of the table. */
	static final class AddsCheck extends TestRevision {

		AddsCheck() {
			super("adds_check", "java_table", "");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.createCheckConstraint("ck_short", "java_notes", "length(body) < 100");
		}

	}

	/**
	 * Non-transactional, fails at its second statement; a later step would create a
	 * table.
	 */
	static final class FailingHalfway extends TestRevision {

		FailingHalfway() {
			super("halfway", "7d2e41c0b9aa", "", false);
		}

		@Override
		public void upgrade(Operations operations) {
			operations.execute("CREATE TABLE before_the_failure (id INTEGER)");
			operations.execute("INSERT INTO no_such_table VALUES (1)");
			operations.execute("CREATE TABLE after_the_failure (id INTEGER)");
		}

	}

}
