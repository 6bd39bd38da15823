package dev.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;

/**
 * Real migrations of open-source projects (src/test/resources/corpus, see each SOURCE.md), converted to revision
 * files, go through the CLI as users run it: upgrade to heads, downgrade as far as they can be reverted, upgrade
 * again to the same schema; the offline script through the real {@code psql} / {@code sqlite3} to the same schema;
 * and {@code check} against that schema finds nothing to do.
 */
class CorpusTest {

	private static final String NO_DIFFERENCES = "No new upgrade operations detected.\n";

	@TempDir
	Path directory;

	@Test
	void atuinOnPostgres() throws Exception {
		postgres("atuin/postgresql", null);
	}

	@Test
	void atuinOnSqlite() throws Exception {
		sqlite("atuin/sqlite");
	}

	@Test
	void ketoOnPostgres() throws Exception {
		postgres("keto/postgresql", null);
	}

	@Test
	void ketoOnSqlite() throws Exception {
		sqlite("keto/sqlite");
	}

	/** Supabase's runner connects with {@code search_path} storage, public (the schema its revisions create). */
	@Test
	void supabaseStorageOnPostgres() throws Exception {
		postgres("supabase-storage/postgresql", "storage,public");
	}

	private void sqlite(String corpus) throws Exception {
		Path sqlite3 = program("sqlite3");
		Path revisions = corpus(corpus);
		Cli cli = new Cli(revisions);
		SqliteDatabase online = new SqliteDatabase(this.directory.resolve("online.db"));
		cli.database(online.url(), null, null);

		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		String schema = sqliteSchema(sqlite3, online.file());
		assertThat(schema).contains("CREATE TABLE");

		downgradeAndUpgradeAgain(cli, revisions);
		assertThat(sqliteSchema(sqlite3, online.file())).as("schema after downgrade and upgrade").isEqualTo(schema);

		Result script = cli.run("upgrade", "--sql", "base:heads", "--dialect", "sqlite");
		assertThat(script.exitCode()).as(script.err()).isZero();
		Path scripted = this.directory.resolve("scripted.db");
		run(script.out(), Map.of(), sqlite3.toString(), "-bail", scripted.toString());
		assertThat(sqliteSchema(sqlite3, scripted)).as("schema of the offline script").isEqualTo(schema);

		// the target schema is sqlite3's .schema of the upgraded database, as a user would save it
		Path target = this.directory.resolve("schema.sql");
		Files.writeString(target, run("", Map.of(), sqlite3.toString(), online.file().toString(), ".schema"));
		Result check = cli.run("check", "--target-schema", target.toString());
		assertThat(check.out()).as(check.err()).isEqualTo(NO_DIFFERENCES);
		assertThat(check.exitCode()).isZero();
	}

	private void postgres(String corpus, String searchPath) throws Exception {
		Path psql = program("psql");
		Path revisions = corpus(corpus);
		Cli cli = new Cli(revisions);
		PostgresDatabase online = PostgresDatabase.create();
		cli.database(withSearchPath(online.url(), searchPath), online.user(), online.password());

		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		String schema = postgresSchema(online);
		assertThat(schema).contains("CREATE TABLE");

		downgradeAndUpgradeAgain(cli, revisions);
		assertThat(postgresSchema(online)).as("schema after downgrade and upgrade").isEqualTo(schema);

		Result script = cli.run("upgrade", "--sql", "base:heads", "--dialect", "postgresql");
		assertThat(script.exitCode()).as(script.err()).isZero();
		PostgresDatabase scripted = PostgresDatabase.create();
		Map<String, String> environment = Map.of("PGPASSWORD", scripted.password(), "PGOPTIONS",
				(searchPath != null) ? "-c search_path=" + searchPath : "");
		run(script.out(), environment, psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
				String.valueOf(PostgresDatabase.server().getPort()), "-U", scripted.user(), "-d", scripted.name());
		assertThat(postgresSchema(scripted)).as("schema of the offline script").isEqualTo(schema);

		// the target schema is the catalog's DDL of the upgraded database: what pg_dump --schema-only would give
		Path target = this.directory.resolve("schema.sql");
		Files.writeString(target, schema);
		Result check = cli.run("check", "--target-schema", target.toString());
		assertThat(check.out()).as(check.err()).isEqualTo(NO_DIFFERENCES);
		assertThat(check.exitCode()).isZero();
	}

	/**
	 * Down to base, or to the newest irreversible revision when there is one (the converter writes no downgrade
	 * section for those), then up to heads again.
	 */
	private static void downgradeAndUpgradeAgain(Cli cli, Path revisions) throws IOException {
		List<Path> files = revisionFiles(revisions);
		String target = "base";
		for (Path file : files) {
			if (!Files.readString(file).contains("\n-- downgrade\n")) {
				target = file.getFileName().toString().substring(0, idLength(file));
			}
		}
		Result downgrade = cli.run("downgrade", target);
		assertThat(downgrade.exitCode()).as("downgrade " + target + ": " + downgrade.err()).isZero();
		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as("upgrade after downgrade: " + upgrade.err()).isZero();
	}

	/** The id is the header's {@code revision}; file names are {@code <id>_<slug>.sql}. */
	private static int idLength(Path file) throws IOException {
		String id = Files.readAllLines(file).get(0).substring("-- revision: ".length()).strip();
		return id.length();
	}

	private static List<Path> revisionFiles(Path revisions) throws IOException {
		try (Stream<Path> files = Files.list(revisions)) {
			return files.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
		}
	}

	private static Path corpus(String name) throws URISyntaxException {
		return Path.of(CorpusTest.class.getResource("/corpus/" + name).toURI());
	}

	/** pgjdbc's currentSchema sets the session's search_path, as Supabase's runner does with -c search_path. */
	private static String withSearchPath(String url, String searchPath) {
		if (searchPath == null) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + searchPath;
	}

	private static String postgresSchema(PostgresDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return CatalogDump.of(connection);
		}
	}

	/** {@code .schema} without the engine's own tables, whose DDL the online and offline paths write differently. */
	private static String sqliteSchema(Path sqlite3, Path file) throws IOException, InterruptedException {
		String schema = run("", Map.of(), sqlite3.toString(), file.toString(), ".schema");
		return schema.lines().filter((line) -> !line.matches("(?i)CREATE TABLE (IF NOT EXISTS )?\"?migration_.*"))
			.collect(Collectors.joining("\n"));
	}

	/** The test needs the real clients: a missing one fails it rather than skipping the check it stands for. */
	private static Path program(String name) {
		for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(entry, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path fallback = Path.of("/usr/bin", name);
		if (Files.isExecutable(fallback)) {
			return fallback;
		}
		return fail(name + " is not installed (not on PATH nor in /usr/bin); the corpus test runs the offline "
				+ "scripts through it. Install it (Debian: apt-get install " + (name.equals("psql") ? "postgresql-client"
						: "sqlite3") + ").");
	}

	/** Runs a program with the script on stdin; fails on a non-zero exit or an error in its output. */
	private static String run(String script, Map<String, String> environment, String... command)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			// the program stopped reading (sqlite3 -bail at an error): its output says why
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		assertThat(output).as(String.join(" ", command)).doesNotContain("ERROR:", "Error:", "Parse error");
		return output;
	}

}
