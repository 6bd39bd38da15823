package dev.migration.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real migrations of open-source projects (src/test/resources/corpus, see each
 * SOURCE.md), converted to revision files, go through the CLI as users run it: upgrade to
 * heads, downgrade as far as they can be reverted, upgrade again to the same schema; the
 * offline script through the real {@code psql} / {@code sqlite3} to the same schema; and
 * {@code check} against that schema finds nothing to do.
 */
class CorpusTest {

	private static final String NO_DIFFERENCES = "No new upgrade operations detected.\n";

	@TempDir
	Path directory;

	@Test
	void atuinOnPostgres() throws Exception {
		postgres("atuin/postgresql", null, null);
	}

	@Test
	void atuinOnSqlite() throws Exception {
		sqlite("atuin/sqlite");
	}

	@Test
	void ketoOnPostgres() throws Exception {
		postgres("keto/postgresql", null, null);
	}

	@Test
	void ketoOnSqlite() throws Exception {
		sqlite("keto/sqlite");
	}

	@Test
	void autheliaOnPostgres() throws Exception {
		postgres("authelia/postgresql", null, null);
	}

	/**
	 * Supabase's auth server connects as a role whose search_path is auth. Its history is
	 * no target schema: a DO block of revision 20210710035447 renames a column of
	 * {@code "auth"."users"} depending on what the database's catalog says, so
	 * {@code check} refuses it at that block and reaches nothing of the database.
	 */
	@Test
	void supabaseAuthOnPostgres() throws Exception {
		postgres("supabase-auth/postgresql", "auth,public",
				"upgrades.sql:101 names auth.users, a table of the database");
	}

	/**
	 * Supabase's runner connects with {@code search_path} storage, public (the schema its
	 * revisions create).
	 */
	@Test
	void supabaseStorageOnPostgres() throws Exception {
		postgres("supabase-storage/postgresql", "storage,public", null);
	}

	/**
	 * Two CLI processes upgrade the same database at once through Supabase Storage's
	 * CREATE INDEX CONCURRENTLY and COMMIT-ing DO blocks: the one that waits for the lock
	 * must hold no snapshot that those statements wait for (flyway#1654); both end at the
	 * head, each revision applied once, with the schema of a single upgrade.
	 */
	@Test
	void supabaseStorageFromTwoProcessesAtOnce() throws Exception {
		Chain chain = Chain.of(corpus("supabase-storage/postgresql"));
		PostgresDatabase single = PostgresDatabase.create();
		Cli cli = new Cli(chain.directory()).database(withSearchPath(single.url(), "storage,public"), single.user(),
				single.password());
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();

		PostgresDatabase shared = PostgresDatabase.create();
		upgradeFromTwoProcesses(chain, withSearchPath(shared.url(), "storage,public"), shared.user(),
				shared.password());
		assertThat(shared.queryStrings("SELECT version_num FROM public.migration_version"))
			.containsExactly(chain.head());
		assertThat(shared.count("SELECT count(*) FROM public.migration_history WHERE direction = 'upgrade'"))
			.isEqualTo(chain.ids().size());
		assertThat(postgresSchema(shared)).isEqualTo(postgresSchema(single));
	}

	/**
	 * The same on SQLite with Keto's table rebuilds: one process waits for the other's
	 * write transactions.
	 */
	@Test
	void ketoOnSqliteFromTwoProcessesAtOnce() throws Exception {
		Path sqlite3 = program("sqlite3");
		Chain chain = Chain.of(corpus("keto/sqlite"));
		SqliteDatabase single = new SqliteDatabase(this.directory.resolve("single.db"));
		assertThat(new Cli(chain.directory()).database(single.url(), null, null).run("upgrade", "heads").exitCode())
			.isZero();

		SqliteDatabase shared = new SqliteDatabase(this.directory.resolve("shared.db"));
		upgradeFromTwoProcesses(chain, shared.url(), null, null);
		assertThat(shared.queryStrings("SELECT version_num FROM migration_version")).containsExactly(chain.head());
		assertThat(shared.count("SELECT count(*) FROM migration_history WHERE direction = 'upgrade'"))
			.isEqualTo(chain.ids().size());
		assertThat(sqliteSchema(sqlite3, shared.file())).isEqualTo(sqliteSchema(sqlite3, single.file()));
	}

	/**
	 * Two JVMs running the CLI's main class, started together; both must end, with exit
	 * code 0, in 2 minutes.
	 */
	private void upgradeFromTwoProcesses(Chain chain, String url, String user, String password) throws Exception {
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Path output = this.directory.resolve("process-" + i + ".txt");
			outputs.add(output);
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), MigrationCli.class.getName(), "--url", url,
							"--location", chain.directory().toString()));
			if (user != null) {
				command.addAll(List.of("--user", user, "--password", password));
			}
			command.addAll(List.of("upgrade", "heads"));
			processes
				.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start());
		}
		try {
			for (int i = 0; i < processes.size(); i++) {
				Process process = processes.get(i);
				assertThat(process.waitFor(120, TimeUnit.SECONDS))
					.as("process " + i + " ended: " + Files.readString(outputs.get(i)))
					.isTrue();
				assertThat(process.exitValue()).as(Files.readString(outputs.get(i))).isZero();
			}
		}
		finally {
			processes.forEach(Process::destroyForcibly);
		}
	}

	private void sqlite(String corpus) throws Exception {
		Path sqlite3 = program("sqlite3");
		Chain chain = Chain.of(corpus(corpus));
		Cli cli = new Cli(chain.directory());
		SqliteDatabase online = new SqliteDatabase(this.directory.resolve("online.db"));
		cli.database(online.url(), null, null);
		Schema dump = () -> sqliteSchema(sqlite3, online.file());

		String schema = upgradeDowngradeUpgrade(cli, chain, dump);

		Result script = cli.run("upgrade", "--sql", "base:heads", "--dialect", "sqlite");
		assertThat(script.exitCode()).as(script.err()).isZero();
		SqliteDatabase scripted = new SqliteDatabase(this.directory.resolve("scripted.db"));
		run(script.out(), Map.of(), sqlite3.toString(), "-bail", scripted.file().toString());
		assertThat(sqliteSchema(sqlite3, scripted.file())).as("schema of the offline script").isEqualTo(schema);
		assertThat(cli.run("--url", scripted.url(), "current").out()).isEqualTo(chain.head() + " (head)\n");
		if (chain.newestIrreversible() == null) {
			Result down = cli.run("downgrade", "--sql", "heads:base", "--dialect", "sqlite");
			assertThat(down.exitCode()).as(down.err()).isZero();
			run(down.out(), Map.of(), sqlite3.toString(), "-bail", scripted.file().toString());
			assertThat(sqliteSchema(sqlite3, scripted.file())).as("schema after the offline downgrade")
				.doesNotContain("CREATE");
		}
		else {
			refusesOfflineDowngrade(cli, chain, "sqlite");
		}

		// sqlite3's .schema of the upgraded database, as a user would save it
		checkFindsNothing(cli, chain, run("", Map.of(), sqlite3.toString(), online.file().toString(), ".schema"), null,
				null);
	}

	/**
	 * @param historyRefusal {@code null} when the upgrade SQL, one revision after the
	 * other, is a target schema that describes the database; else the start of check's
	 * refusal of it (file, line and the database's relation)
	 */
	private void postgres(String corpus, String searchPath, String historyRefusal) throws Exception {
		Path psql = program("psql");
		Chain chain = Chain.of(corpus(corpus));
		Cli cli = new Cli(chain.directory());
		PostgresDatabase online = PostgresDatabase.create();
		cli.database(withSearchPath(online.url(), searchPath), online.user(), online.password());
		Schema dump = () -> postgresSchema(online);

		String schema = upgradeDowngradeUpgrade(cli, chain, dump);

		Result script = cli.run("upgrade", "--sql", "base:heads", "--dialect", "postgresql");
		assertThat(script.exitCode()).as(script.err()).isZero();
		PostgresDatabase scripted = PostgresDatabase.create();
		Map<String, String> environment = Map.of("PGPASSWORD", scripted.password(), "PGOPTIONS",
				(searchPath != null) ? "-c search_path=" + searchPath : "");
		String[] command = { psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
				String.valueOf(PostgresDatabase.server().getPort()), "-U", scripted.user(), "-d", scripted.name() };
		run(script.out(), environment, command);
		assertThat(postgresSchema(scripted)).as("schema of the offline script").isEqualTo(schema);
		assertThat(new Cli(chain.directory())
			.database(withSearchPath(scripted.url(), searchPath), scripted.user(), scripted.password())
			.run("current")
			.out()).isEqualTo(chain.head() + " (head)\n");
		if (chain.newestIrreversible() == null) {
			Result down = cli.run("downgrade", "--sql", "heads:base", "--dialect", "postgresql");
			assertThat(down.exitCode()).as(down.err()).isZero();
			run(down.out(), environment, command);
			assertThat(postgresSchema(scripted)).as("schema after the offline downgrade")
				.doesNotContain("CREATE TABLE");
		}
		else {
			refusesOfflineDowngrade(cli, chain, "postgresql");
		}

		// the catalog's DDL of the upgraded database: what pg_dump --schema-only would
		// give, names qualified
		checkFindsNothing(cli, chain, schema, historyRefusal, online);
	}

	/**
	 * Upgrades to heads, then down to base, or to the newest irreversible revision when
	 * there is one (after checking that going further is refused with nothing done), then
	 * up to heads again; returns the schema, which must be the same after both upgrades.
	 */
	private static String upgradeDowngradeUpgrade(Cli cli, Chain chain, Schema dump) throws Exception {
		assertThat(cli.run("heads").out()).isEqualTo(chain.head() + " (head)\n");
		assertThat(cli.run("history").lines()).hasSize(chain.ids().size())
			.endsWith("<base> -> " + chain.ids().get(0) + ", " + chain.firstMessage());
		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.lines()).hasSize(chain.ids().size()).allMatch((line) -> line.startsWith("Running upgrade "));
		assertThat(cli.run("current").out()).isEqualTo(chain.head() + " (head)\n");
		assertThat(cli.run("validate").out()).isEqualTo("OK\n");
		String schema = dump.read();
		assertThat(schema).contains("CREATE TABLE");

		String irreversible = chain.newestIrreversible();
		if (irreversible == null) {
			Result downgrade = cli.run("downgrade", "base");
			assertThat(downgrade.exitCode()).as("downgrade base: " + downgrade.err()).isZero();
			assertThat(downgrade.lines()).hasSize(chain.ids().size());
			assertThat(cli.run("current").out()).isEmpty();
			assertThat(dump.read()).as("schema at base").doesNotContain("CREATE TABLE");
		}
		else {
			String before = dump.read();
			Result refused = cli.run("downgrade", "base");
			assertThat(refused.exitCode()).as("downgrade base through " + irreversible).isEqualTo(1);
			assertThat(refused.out()).isEmpty();
			assertThat(refused.err()).startsWith("FAILED: ").contains(irreversible);
			assertThat(dump.read()).as("schema after the refused downgrade").isEqualTo(before);
			Result downgrade = cli.run("downgrade", irreversible);
			assertThat(downgrade.exitCode()).as("downgrade " + irreversible + ": " + downgrade.err()).isZero();
			assertThat(cli.run("current").out())
				.isEqualTo(irreversible + (irreversible.equals(chain.head()) ? " (head)\n" : "\n"));
		}
		Result again = cli.run("upgrade", "heads");
		assertThat(again.exitCode()).as("upgrade after downgrade: " + again.err()).isZero();
		assertThat(dump.read()).as("schema after downgrade and upgrade").isEqualTo(schema);
		return schema;
	}

	/**
	 * {@code check} against two target schemas that both describe the upgraded database:
	 * the dump (pg_dump-like DDL or sqlite3's .schema, as they are) and the revisions'
	 * upgrade SQL one after the other, which is plain DDL unless a revision must run
	 * outside a transaction (CONCURRENTLY, COMMIT in a DO block: no target schema can
	 * hold those, as it is applied in one rolled-back transaction). Both are reported
	 * when both fail. A history that changes what it did not create (through a DO block
	 * that reads the database's catalog, say) is no target schema: then check must refuse
	 * it with file and line, with the database as it was and no lock left.
	 */
	private void checkFindsNothing(Cli cli, Chain chain, String dump, String historyRefusal, PostgresDatabase online)
			throws Exception {
		SoftAssertions softly = new SoftAssertions();
		Path dumpFile = this.directory.resolve("dump.sql");
		Files.writeString(dumpFile, dump);
		Result check = cli.run("check", "--target-schema", dumpFile.toString());
		softly.assertThat(check.out()).as("check against the dump: " + check.err()).isEqualTo(NO_DIFFERENCES);
		softly.assertThat(check.exitCode()).as("check against the dump").isZero();
		if (chain.allTransactional()) {
			Path upgrades = this.directory.resolve("upgrades.sql");
			Files.writeString(upgrades, chain.upgradeSql());
			Result plain = cli.run("check", "--target-schema", upgrades.toString());
			if (historyRefusal == null) {
				softly.assertThat(plain.out())
					.as("check against the upgrade SQL: " + plain.err())
					.isEqualTo(NO_DIFFERENCES);
				softly.assertThat(plain.exitCode()).as("check against the upgrade SQL").isZero();
			}
			else {
				softly.assertThat(plain.exitCode()).as("check against the upgrade SQL: " + plain.out()).isEqualTo(1);
				softly.assertThat(plain.out()).as("check against the upgrade SQL").isEmpty();
				softly.assertThat(plain.err())
					.as("check against the upgrade SQL")
					.startsWith("FAILED: Target schema " + this.directory.resolve(historyRefusal))
					.contains("nothing was changed in the database");
				softly.assertThat(postgresSchema(online)).as("schema after the refused check").isEqualTo(dump);
				softly.assertThat(online.count("SELECT count(*) FROM pg_locks l JOIN pg_database d "
						+ "ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'relation' "
						+ "AND l.pid <> pg_backend_pid()"))
					.as("relation locks after the refused check")
					.isZero();
			}
		}
		softly.assertAll();
	}

	/**
	 * An offline script cannot go through an irreversible revision either: no script, an
	 * error naming it.
	 */
	private static void refusesOfflineDowngrade(Cli cli, Chain chain, String dialect) {
		Result refused = cli.run("downgrade", "--sql", chain.head() + ":base", "--dialect", dialect);
		assertThat(refused.exitCode()).as("downgrade --sql through " + chain.newestIrreversible()).isEqualTo(1);
		assertThat(refused.out()).isEmpty();
		assertThat(refused.err()).startsWith("FAILED: ").contains(chain.newestIrreversible());
	}

	/** The schema of one database as text. */
	@FunctionalInterface
	private interface Schema {

		String read() throws Exception;

	}

	/**
	 * A corpus directory: its revision ids from root to head, the newest that has no
	 * downgrade section (the converter writes none for an irreversible revision), each
	 * revision's upgrade SQL, and whether all are transactional.
	 */
	private record Chain(Path directory, List<String> ids, String newestIrreversible, Map<String, String> upgrades,
			boolean allTransactional) {

		private static final String UPGRADE = "\n-- upgrade\n";

		private static final String DOWNGRADE = "\n-- downgrade\n";

		static Chain of(Path directory) throws IOException {
			Map<String, String> children = new HashMap<>();
			Map<String, String> upgrades = new HashMap<>();
			Set<String> irreversible = new HashSet<>();
			boolean allTransactional = true;
			for (Path file : revisionFiles(directory)) {
				String text = Files.readString(file);
				String id = header(text, "revision");
				children.put(header(text, "down_revision"), id);
				int upgrade = text.indexOf(UPGRADE) + UPGRADE.length();
				int downgrade = text.indexOf(DOWNGRADE);
				upgrades.put(id, text.substring(upgrade, (downgrade < 0) ? text.length() : downgrade));
				if (downgrade < 0) {
					irreversible.add(id);
				}
				allTransactional &= !text.contains("\n-- transactional: false\n");
			}
			List<String> ids = new ArrayList<>();
			for (String id = children.get("none"); id != null; id = children.get(id)) {
				ids.add(id);
			}
			assertThat(ids).as("one chain from a root in " + directory).hasSize(children.size());
			String newest = null;
			for (String id : ids) {
				newest = irreversible.contains(id) ? id : newest;
			}
			return new Chain(directory, List.copyOf(ids), newest, upgrades, allTransactional);
		}

		String head() {
			return this.ids.get(this.ids.size() - 1);
		}

		String firstMessage() throws IOException {
			for (Path file : revisionFiles(this.directory)) {
				String text = Files.readString(file);
				if (header(text, "revision").equals(this.ids.get(0))) {
					return header(text, "message");
				}
			}
			throw new IllegalStateException(this.ids.get(0));
		}

		/**
		 * Every upgrade in order, each closed by a {@code ;} (the last statement of a
		 * file may lack one).
		 */
		String upgradeSql() {
			StringBuilder sql = new StringBuilder();
			for (String id : this.ids) {
				String upgrade = this.upgrades.get(id).strip();
				sql.append(upgrade).append(upgrade.endsWith(";") ? "\n\n" : "\n;\n\n");
			}
			return sql.toString();
		}

		private static String header(String text, String key) {
			return text.lines()
				.filter((line) -> line.startsWith("-- " + key + ": "))
				.findFirst()
				.orElseThrow()
				.substring(key.length() + 5)
				.strip();
		}

	}

	private static List<Path> revisionFiles(Path revisions) throws IOException {
		try (Stream<Path> files = Files.list(revisions)) {
			return files.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
		}
	}

	private static Path corpus(String name) throws URISyntaxException {
		return Path.of(CorpusTest.class.getResource("/corpus/" + name).toURI());
	}

	/**
	 * pgjdbc's currentSchema sets the session's search_path, as Supabase's runner does
	 * with -c search_path.
	 */
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

	/**
	 * {@code .schema} without the engine's own tables, whose DDL the online and offline
	 * paths write differently, and without SQLite's {@code sqlite_sequence}, which stays
	 * once any AUTOINCREMENT table existed.
	 */
	private static String sqliteSchema(Path sqlite3, Path file) throws IOException, InterruptedException {
		String schema = run("", Map.of(), sqlite3.toString(), file.toString(), ".schema");
		return schema.lines()
			.filter((line) -> !line.matches("(?i)CREATE TABLE (IF NOT EXISTS )?(\"?migration_|sqlite_sequence\\().*"))
			.collect(Collectors.joining("\n"));
	}

	/**
	 * The test needs the real clients: a missing one fails it rather than skipping the
	 * check it stands for.
	 */
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
				+ "scripts through it. Install it (Debian: apt-get install "
				+ (name.equals("psql") ? "postgresql-client" : "sqlite3") + ").");
	}

	/**
	 * Runs a program with the script on stdin; fails on a non-zero exit or an error in
	 * its output.
	 */
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
			// the program stopped reading (sqlite3 -bail at an error): its output says
			// why
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		assertThat(output).as(String.join(" ", command)).doesNotContain("ERROR:", "Error:", "Parse error");
		return output;
	}

}
