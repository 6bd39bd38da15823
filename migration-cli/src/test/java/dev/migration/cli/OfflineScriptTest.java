package dev.migration.cli;

import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

/**
 * The offline scripts of {@code upgrade --sql base:heads} and {@code downgrade --sql heads:base}, run by
 * {@code sqlite3} / {@code psql} as they are (or through JDBC when the client is not installed), leave the same
 * schema and version rows as the online commands.
 */
class OfflineScriptTest {

	@TempDir
	Path directory;

	@Test
	void sqliteScriptMatchesOnlineUpgrade() throws Exception {
		Cli cli = Cli.withSeed(this.directory);
		SqliteDatabase online = SqliteDatabase.in(this.directory.resolve("online"));
		Files.createDirectories(this.directory.resolve("online"));
		SqliteDatabase scripted = new SqliteDatabase(this.directory.resolve("scripted.db"));
		assertThat(cli.run("--url", online.url(), "upgrade", "heads").exitCode()).isZero();

		Result upgrade = cli.run("upgrade", "--sql", "base:heads", "--dialect", "sqlite");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.err()).isEmpty();
		assertThat(upgrade.out()).startsWith("-- upgrade heads from base (sqlite)").contains("BEGIN;", "COMMIT;");
		runSqlite(scripted, upgrade.out());

		assertThat(scripted.schema()).isEqualTo(online.schema()).contains("posts", "users.email_verified boolean NO");
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);
		assertThat(scripted.count("SELECT count(*) FROM migration_history WHERE direction = 'upgrade'")).isEqualTo(4);
		assertThat(cli.run("--url", scripted.url(), "current").out()).isEqualTo(POSTS + " (head)\n");

		Result downgrade = cli.run("downgrade", "--sql", "heads:base", "--dialect", "sqlite");
		assertThat(downgrade.exitCode()).isZero();
		runSqlite(scripted, downgrade.out());
		assertThat(scripted.tables()).isEmpty();
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version")).isEmpty();
	}

	@Test
	void postgresScriptMatchesOnlineUpgrade() throws Exception {
		Cli cli = Cli.withSeed(this.directory);
		PostgresDatabase online = PostgresDatabase.create();
		PostgresDatabase scripted = PostgresDatabase.create();
		assertThat(cli.run("--url", online.url(), "--user", online.user(), "--password", online.password(), "upgrade",
				"heads").exitCode()).isZero();

		Result upgrade = cli.run("upgrade", "--sql", "base:heads", "--dialect", "postgresql");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.out()).startsWith("-- upgrade heads from base (postgresql)");
		runPostgres(scripted, upgrade.out());

		assertThat(scripted.schema()).isEqualTo(online.schema()).contains("posts");
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);

		Result downgrade = cli.run("downgrade", "--sql", "heads:base", "--dialect", "postgresql");
		assertThat(downgrade.exitCode()).isZero();
		runPostgres(scripted, downgrade.out());
		assertThat(scripted.tables()).isEmpty();
	}

	private void runSqlite(SqliteDatabase database, String script) throws Exception {
		if (Files.isExecutable(Path.of("/usr/bin/sqlite3")) || onPath("sqlite3")) {
			pipe(script, "sqlite3", "-bail", database.file().toString());
		}
		else {
			runJdbc(database, script);
		}
	}

	private void runPostgres(PostgresDatabase database, String script) throws Exception {
		if (onPath("psql")) {
			int port = PostgresDatabase.server().getPort();
			pipe(script, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", String.valueOf(port), "-U",
					database.user(), "-d", database.name());
		}
		else {
			runJdbc(database, script);
		}
	}

	/** One multi-statement string: the PostgreSQL driver and sqlite-jdbc's executeUpdate both run every statement. */
	private static void runJdbc(TestDatabase database, String script) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate(script);
		}
	}

	private static boolean onPath(String program) {
		for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(entry, program))) {
				return true;
			}
		}
		return false;
	}

	private static void pipe(String script, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", "postgres");
		Process process = builder.start();
		process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).doesNotContain("ERROR", "Error");
	}

}
