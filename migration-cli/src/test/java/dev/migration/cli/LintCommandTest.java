package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code lint} command: its line format, exit codes, JSON, ignore comments, dialects,
 * what a database adds, and the findings {@code revision --autogenerate} prints for the
 * revision it wrote.
 */
class LintCommandTest {

	@TempDir
	Path directory;

	private Cli cli() throws IOException {
		Path revisions = this.directory.resolve("revisions");
		Files.createDirectories(revisions);
		return new Cli(revisions);
	}

	/** A CLI over one root revision, {@code a1}, in {@code a1_<file>.sql}. */
	private Cli withRoot(String file, String message, String upgrade, String downgrade) throws IOException {
		Cli cli = cli();
		cli.write("a1_" + file + ".sql", Cli.revision("a1", "none", message, upgrade, downgrade));
		return cli;
	}

	/**
	 * A CLI over the seed revisions, upgraded to heads on the database: the revisions
	 * written after are the pending ones.
	 */
	private Cli atHeads(TestDatabase database) {
		Cli cli = Cli.withSeed(this.directory).database(database.url(), database.user(), database.password());
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		return cli;
	}

	/**
	 * The seed revisions at heads on the database, and revision {@code b1} after them,
	 * pending, in {@code b1_<name>.sql}.
	 */
	private Cli withPending(TestDatabase database, String name, String upgrade, String downgrade) {
		Cli cli = atHeads(database);
		cli.write("b1_" + name.toLowerCase(Locale.ROOT) + ".sql",
				Cli.revision("b1", Cli.POSTS, name, upgrade, downgrade));
		return cli;
	}

	@Test
	void printsOneLinePerFindingAndFailsOnAnError() throws IOException {
		Cli cli = withRoot("index", "Index users", "CREATE INDEX ix_users_name ON users (name);",
				"DROP INDEX ix_users_name;");
		Result lint = cli.run("lint", "--dialect", "postgresql");
		assertThat(lint.exitCode()).isEqualTo(1);
		String file = cli.revisions.resolve("a1_index.sql").toString();
		assertThat(lint.lines()).containsExactly(
				file + ":6: missing-lock-timeout warning: no lock_timeout is set before this statement on existing "
						+ "table users: while it waits for its lock behind a long transaction, every query on users "
						+ "waits behind it (upgrade)",
				file + ":6: require-concurrent-index error: CREATE INDEX on existing table users without "
						+ "CONCURRENTLY blocks writes to it until the index is built (upgrade)");
		assertThat(lint.err()).isEqualTo("Lint: 1 errors, 1 warnings in 1 revisions (postgresql, every table not "
				+ "created in the same revision counted as existing)\n");
	}

	@Test
	void warningsAloneExitWithZero() throws IOException {
		Cli cli = withRoot("rename", "Rename", "ALTER TABLE users RENAME COLUMN name TO full_name;",
				"ALTER TABLE users RENAME COLUMN full_name TO name;");
		Result lint = cli.run("lint", "--dialect", "sqlite");
		assertThat(lint.exitCode()).as(lint.err()).isZero();
		assertThat(lint.lines()).hasSize(2).allMatch((line) -> line.contains(": renaming-column warning: "));
	}

	@Test
	void anIgnoreCommentOnTheLineBeforeSuppressesTheFinding() throws IOException {
		Cli cli = withRoot("index", "Index users",
				"SET lock_timeout = '5s';\n"
						+ "-- lint: ignore require-concurrent-index\nCREATE INDEX ix_users_name ON users (name);",
				"DROP INDEX ix_users_name;");
		Result lint = cli.run("lint", "--dialect", "postgresql");
		assertThat(lint.exitCode()).as(lint.out()).isZero();
		assertThat(lint.out()).isEmpty();
	}

	@Test
	void jsonFormatIsOneObjectWithEveryField() throws IOException {
		Cli cli = withRoot("index", "Index \"users\"",
				"SET lock_timeout = '5s';\nCREATE INDEX ix_users_name ON users (name);", "DROP INDEX ix_users_name;");
		Result lint = cli.run("lint", "--dialect", "postgresql", "--format", "json");
		assertThat(lint.exitCode()).isEqualTo(1);
		JsonNode report = new ObjectMapper().readTree(lint.out());
		assertThat(report.get("dialect").asString()).isEqualTo("postgresql");
		assertThat(report.get("databaseChecked").asBoolean()).isFalse();
		assertThat(report.get("errors").asInt()).isEqualTo(1);
		assertThat(report.get("warnings").asInt()).isZero();
		assertThat(report.get("revisions").get(0).asString()).isEqualTo("a1");
		JsonNode finding = report.get("findings").get(0);
		assertThat(finding.get("file").asString()).endsWith("a1_index.sql");
		assertThat(finding.get("line").asInt()).isEqualTo(7);
		assertThat(finding.get("revision").asString()).isEqualTo("a1");
		assertThat(finding.get("rule").asString()).isEqualTo("require-concurrent-index");
		assertThat(finding.get("severity").asString()).isEqualTo("error");
		assertThat(finding.get("lockTaken").asString()).isEqualTo("SHARE on users (blocks writes)");
		assertThat(finding.get("message").asString()).contains("without CONCURRENTLY");
		assertThat(finding.get("safeAlternative").asString()).contains("CONCURRENTLY");
	}

	@Test
	void withoutDialectOrDatabaseItIsAUsageError() throws IOException {
		Result lint = cli().run("lint");
		assertThat(lint.exitCode()).isEqualTo(2);
		assertThat(lint.err()).startsWith("FAILED: An offline script needs --dialect");
		assertThat(cli().run("lint", "--dialect", "sqlite", "--format", "xml").exitCode()).isEqualTo(2);
	}

	@Test
	void postgresRulesDoNotFireOnSqliteRevisions() throws IOException {
		Cli cli = withRoot("index", "Index users",
				"CREATE INDEX ix_users_name ON users (name);\nALTER TABLE users ADD COLUMN n INTEGER;", "");
		Result lint = cli.run("lint", "--dialect", "sqlite");
		assertThat(lint.exitCode()).isZero();
		assertThat(lint.out()).isEmpty();
	}

	/**
	 * With a database only pending revisions are read, and a table that a pending
	 * revision creates is new for the revisions after it too: the whole upgrade runs
	 * before the application uses it.
	 */
	@Test
	void withAPostgresDatabaseOnlyTablesItHoldsAreExisting() throws IOException {
		Cli cli = withPending(PostgresDatabase.create(), "Audit",
				"SET lock_timeout = '5s';\n" + "CREATE TABLE audit (id INTEGER, user_id INTEGER);\n"
						+ "CREATE INDEX ix_users_created ON users (created_at);",
				"DROP INDEX ix_users_created;\nDROP TABLE audit;");
		cli.write("b2_audit_index.sql", Cli.revision("b2", "b1", "Audit index",
				"CREATE INDEX ix_audit_user ON audit (user_id);", "DROP INDEX ix_audit_user;"));

		Result online = cli.run("lint");
		assertThat(online.exitCode()).isEqualTo(1);
		assertThat(online.lines()).anyMatch((line) -> line.contains("b1_audit.sql:8: require-concurrent-index error"))
			.anyMatch((line) -> line.contains("b1_audit.sql:12: downgrade-drops-data warning"))
			.hasSize(2);
		assertThat(online.err()).contains("in 2 revisions (postgresql, tables read from the database)");

		Result offline = new Cli(cli.revisions).run("lint", "--dialect", "postgresql");
		assertThat(offline.lines()).anyMatch((line) -> line.contains("b2_audit_index.sql:6: require-concurrent-index"));
		assertThat(offline.err()).contains("in 6 revisions");
	}

	/**
	 * The database tells the old type of a column: a longer varchar is no rewrite,
	 * integer to bigint is one.
	 */
	@Test
	void withAPostgresDatabaseTypeChangesAreJudgedByTheColumnsTypes() throws IOException {
		Cli cli = withPending(PostgresDatabase.create(), "Types",
				"SET lock_timeout = '5s';\n" + "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n"
						+ "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
				"SELECT 1;");
		Result lint = cli.run("lint");
		assertThat(lint.lines()).singleElement()
			.asString()
			.contains("b1_types.sql:8: changing-column-type error: ALTER COLUMN id TYPE bigint on existing table users "
					+ "rewrites the table and its indexes (it was integer)");
	}

	/**
	 * pgjdbc's options parameter gives the session a lock_timeout: no revision needs to
	 * set it.
	 */
	@Test
	void aLockTimeoutOfTheConnectionCountsAsSet() throws IOException {
		PostgresDatabase database = PostgresDatabase.create();
		Cli cli = withPending(database, "Column", "ALTER TABLE users ADD COLUMN n INTEGER;",
				"ALTER TABLE users DROP COLUMN n;");
		assertThat(cli.run("lint").out()).contains("b1_column.sql:6: missing-lock-timeout warning");
		String withTimeout = database.url() + (database.url().contains("?") ? "&" : "?")
				+ "options=-c%20lock_timeout%3D5s";
		Result lint = cli.run("--url", withTimeout, "lint");
		assertThat(lint.out()).doesNotContain("missing-lock-timeout").contains("downgrade-drops-data");
	}

	@Test
	void withASqliteDatabaseOnlyPendingRevisionsAreRead() throws IOException {
		Cli cli = withPending(SqliteDatabase.in(this.directory), "Rename",
				"ALTER TABLE posts RENAME COLUMN body TO text;", "ALTER TABLE posts RENAME COLUMN text TO body;");
		Result lint = cli.run("lint");
		assertThat(lint.exitCode()).isZero();
		assertThat(lint.lines()).hasSize(2).allMatch((line) -> line.contains("b1_rename.sql:"));
		assertThat(lint.err()).contains("in 1 revisions (sqlite, tables read from the database)");
	}

	@Test
	void autogeneratePrintsTheFindingsOfTheRevisionItWrote() throws IOException {
		Cli cli = atHeads(PostgresDatabase.create());
		Files.writeString(this.directory.resolve("schema.sql"),
				AutogenerateCommandsTest.SEED_SCHEMA + "CREATE INDEX ix_users_created_at ON users (created_at);\n");
		Result revision = cli.run("revision", "-m", "Index created", "--autogenerate");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.out()).startsWith("Generating ").endsWith("_index_created.sql ... done\n");
		String file = revision.out().substring("Generating ".length(), revision.out().indexOf(" ... done"));
		assertThat(revision.err()).contains(file + ":")
			.contains(": require-concurrent-index error: CREATE INDEX on " + "existing table users")
			.contains("Lint: 1 errors, 1 warnings in 1 revisions");
	}

}
