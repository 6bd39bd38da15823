package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.ScriptClients;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every offline script ({@code upgrade --sql}, {@code downgrade --sql},
 * {@code stamp --sql}) run as printed by the real
 * {@code psql -v ON_ERROR_STOP=1 -X -q -f -} or {@code sqlite3 -bail} leaves the same
 * schema, the same {@code migration_version} rows and the same history as the online
 * command: over the seed revisions and over sets made of what scripts stumble on (last
 * statements without a semicolon followed by comments, lines that look like psql or
 * sqlite3 commands, psql variables, {@code transactional: false}, dollar quotes,
 * {@code BEGIN ATOMIC}, trigger bodies, branches and merges, messages with quotes and
 * backslashes).
 */
class OfflineScriptTest {

	private static final String[] POSTGRES_SET = { "p1accounts_accounts.sql", "p2data_data.sql",
			"p3index_index_concurrently.sql", "p4routines_routines.sql", "p5merge_merge.sql" };

	private static final String[] SQLITE_SET = { "s1accounts_accounts.sql", "s2data_data.sql", "s3vacuum_vacuum.sql",
			"s4trigger_trigger.sql", "s5merge_merge.sql" };

	/**
	 * The sample app's revisions in this checkout (tests run in the module's directory).
	 */
	private static final Path SAMPLE_APP_REVISIONS = Path.of("..", "sample-app", "src", "main", "resources", "db",
			"revisions");

	@TempDir
	Path directory;

	@Test
	void sqliteScriptsOfTheSeedRevisionsMatchTheOnlineCommands() {
		Cli cli = Cli.withSeed(this.directory);
		assertScriptsMatchOnline(cli, sqlite("online"), sqlite("scripted"), Cli.EMAIL, null);
	}

	@Test
	void postgresScriptsOfTheSeedRevisionsMatchTheOnlineCommands() {
		Cli cli = Cli.withSeed(this.directory);
		assertScriptsMatchOnline(cli, PostgresDatabase.create(), PostgresDatabase.create(), Cli.EMAIL, null);
	}

	@Test
	void sqliteScriptsOfTheSampleAppRevisionsMatchTheOnlineCommands() {
		Cli cli = new Cli(SAMPLE_APP_REVISIONS.resolve("sqlite"));
		assertScriptsMatchOnline(cli, sqlite("online"), sqlite("scripted"), "b2e1d4c3f5a6", null);
	}

	@Test
	void postgresScriptsOfTheSampleAppRevisionsMatchTheOnlineCommands() {
		Cli cli = new Cli(SAMPLE_APP_REVISIONS.resolve("postgresql"));
		assertScriptsMatchOnline(cli, PostgresDatabase.create(), PostgresDatabase.create(), "b2e1d4c3f5a6", null);
	}

	@Test
	void sqliteScriptsOfTrickyRevisionsMatchTheOnlineCommands() {
		Cli cli = withRevisions("sqlite", SQLITE_SET);
		assertScriptsMatchOnline(cli, sqlite("online"), sqlite("scripted"), "s2data",
				"SELECT id || '|' || name || '|' || coalesce(note, '-') || '|' || ratio FROM accounts ORDER BY id");
	}

	@Test
	void postgresScriptsOfTrickyRevisionsMatchTheOnlineCommands() {
		Cli cli = withRevisions("postgresql", POSTGRES_SET);
		assertScriptsMatchOnline(cli, PostgresDatabase.create(), PostgresDatabase.create(), "p2data",
				"SELECT id || '|' || name || '|' || coalesce(note, '-') || '|' || tags::text FROM accounts ORDER BY "
						+ "id");
	}

	@Test
	void sqliteStampScriptsMatchTheOnlineStamp() {
		Cli cli = withRevisions("sqlite", SQLITE_SET);
		assertStampScriptsMatchOnline(cli, sqlite("online"), sqlite("scripted"), "s2data");
	}

	@Test
	void postgresStampScriptsMatchTheOnlineStamp() {
		Cli cli = withRevisions("postgresql", POSTGRES_SET);
		assertStampScriptsMatchOnline(cli, PostgresDatabase.create(), PostgresDatabase.create(), "p2data");
	}

	@Test
	void aStatementThatTheClientWouldRunAsItsOwnCommandIsRefused() {
		Cli cli = Cli.withSeed(this.directory);
		cli.write("ee11_shell.sql",
				Cli.revision("ee11", Cli.POSTS, "Shell", "SELECT 1\n\\! touch escaped", "SELECT 1"));
		Result postgres = cli.run("upgrade", "--sql", "base:heads", "--dialect", "postgresql");
		assertThat(postgres.exitCode()).isEqualTo(1);
		assertThat(postgres.out()).isEmpty();
		assertThat(postgres.err()).startsWith("FAILED: Cannot print revision ee11 (")
			.contains("ee11_shell.sql", "statement at line 6", "a backslash outside quotes and comments");

		cli.write("ee11_shell.sql",
				Cli.revision("ee11", Cli.POSTS, "Shell", "-- first\n.system touch escaped\nSELECT 1", "SELECT 1"));
		Result sqlite = cli.run("upgrade", "--sql", "base:heads", "--dialect", "sqlite");
		assertThat(sqlite.exitCode()).isEqualTo(1);
		assertThat(sqlite.err()).startsWith("FAILED: Cannot print revision ee11 (").contains("sqlite3 shell");
	}

	/**
	 * Up from base to heads, down to {@code middle}, up again, down to base: each time
	 * the online command on one database and the printed script run by the real client on
	 * the other, then both compared.
	 */
	private void assertScriptsMatchOnline(Cli cli, TestDatabase online, TestDatabase scripted, String middle,
			String rowsQuery) {
		String dialect = online.kind();
		online(cli, online, "upgrade", "heads");
		String upgrade = script(cli, "upgrade", "--sql", "base:heads", "--dialect", dialect);
		assertThat(upgrade).startsWith("-- upgrade heads from base (" + dialect + ")");
		run(scripted, upgrade);
		assertSameState(online, scripted);
		if (rowsQuery != null) {
			assertThat(scripted.queryStrings(rowsQuery)).isEqualTo(online.queryStrings(rowsQuery)).isNotEmpty();
		}
		assertThat(online(cli, scripted, "current")).isEqualTo(online(cli, online, "current"));
		assertThat(online(cli, scripted, "validate")).isEqualTo("OK\n");

		online(cli, online, "downgrade", middle);
		run(scripted, script(cli, "downgrade", "--sql", "heads:" + middle, "--dialect", dialect));
		assertSameState(online, scripted);

		online(cli, online, "upgrade", "heads");
		run(scripted, script(cli, "upgrade", "--sql", middle + ":heads", "--dialect", dialect));
		assertSameState(online, scripted);

		online(cli, online, "downgrade", "base");
		run(scripted, script(cli, "downgrade", "--sql", "heads:base", "--dialect", dialect));
		assertSameState(online, scripted);
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version")).isEmpty();
	}

	/**
	 * Both databases upgraded to {@code middle}; then stamped to heads, and with --purge
	 * back to middle.
	 */
	private void assertStampScriptsMatchOnline(Cli cli, TestDatabase online, TestDatabase scripted, String middle) {
		online(cli, online, "upgrade", middle);
		online(cli, scripted, "upgrade", middle);

		online(cli, online, "stamp", "heads");
		run(scripted, online(cli, scripted, "stamp", "--sql", "heads"));
		assertSameState(online, scripted);

		online(cli, online, "stamp", "--purge", middle);
		run(scripted, online(cli, scripted, "stamp", "--sql", "--purge", middle));
		assertSameState(online, scripted);
	}

	/**
	 * Same schema, same version rows, same history apart from when, by whom and how long.
	 */
	private static void assertSameState(TestDatabase online, TestDatabase scripted) {
		assertThat(schema(scripted)).as("schema built by the script").isEqualTo(schema(online));
		String versions = "SELECT version_num FROM migration_version ORDER BY version_num";
		assertThat(scripted.queryStrings(versions)).as("version rows").isEqualTo(online.queryStrings(versions));
		String history = "SELECT coalesce(revision, '-') || ' ' || direction || ' [' || coalesce(down_revisions, '-') "
				+ "|| '] ' || coalesce(message, '-') || ' ' || coalesce(checksum, '-') || ' ' || "
				+ (online.kind().equals("sqlite") ? "success" : "success::text")
				+ " FROM migration_history ORDER BY id";
		assertThat(scripted.queryStrings(history)).as("history rows").isEqualTo(online.queryStrings(history));
	}

	private static List<String> schema(TestDatabase database) {
		if (database instanceof SqliteDatabase sqlite) {
			return List.of(ScriptClients.sqliteSchema(sqlite).split("\n"));
		}
		return ScriptClients.postgresCatalog((PostgresDatabase) database);
	}

	private static void run(TestDatabase database, String script) {
		String output = (database instanceof SqliteDatabase sqlite) ? ScriptClients.sqlite3(sqlite, script)
				: ScriptClients.psql((PostgresDatabase) database, script);
		assertThat(output).as("what the client printed").doesNotContainIgnoringCase("error");
	}

	/** An offline command: exit 0, nothing on stderr, the script on stdout. */
	private static String script(Cli cli, String... args) {
		Result result = cli.run(args);
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).isEmpty();
		return result.out();
	}

	/** A command against the database; its output. */
	private static String online(Cli cli, TestDatabase database, String... command) {
		List<String> args = new ArrayList<>(List.of("--url", database.url()));
		if (database.user() != null) {
			args.addAll(List.of("--user", database.user(), "--password", database.password()));
		}
		args.addAll(List.of(command));
		Result result = cli.run(args.toArray(String[]::new));
		assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isZero();
		return result.out();
	}

	private SqliteDatabase sqlite(String name) {
		return new SqliteDatabase(this.directory.resolve(name + ".db"));
	}

	/**
	 * A CLI over copies of the test resources {@code offline/<dialect>/<file>}; the last
	 * one with a byte-order mark and CRLF line endings, as an editor on Windows saves it.
	 */
	private Cli withRevisions(String dialect, String... files) {
		Path revisions = this.directory.resolve("revisions");
		try {
			Files.createDirectories(revisions);
			for (String file : files) {
				try (InputStream content = OfflineScriptTest.class
					.getResourceAsStream("/offline/" + dialect + "/" + file)) {
					String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
					if (file.equals(files[files.length - 1])) {
						text = "\uFEFF" + text.replace("\n", "\r\n");
					}
					Files.writeString(revisions.resolve(file), text);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Cli(revisions);
	}

}
