package dev.migration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs offline scripts the way a DBA does: through the real {@code psql} and
 * {@code sqlite3} programs, never through JDBC (which reads a script differently and
 * would hide exactly the bugs these tests look for). A missing program fails the test: CI
 * installs both ({@code .ci/run}).
 */
public final class ScriptClients {

	private ScriptClients() {
	}

	/**
	 * Pipes the script into {@code psql -X -q -v ON_ERROR_STOP=1 -f -} connected to the
	 * database.
	 * @return what psql printed (stdout and stderr)
	 * @throws AssertionError when psql exits with an error, with its output
	 */
	public static String psql(PostgresDatabase database, String script) {
		int port = PostgresDatabase.server().getPort();
		return run(script, program("psql", "postgresql-client"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
				"-p", String.valueOf(port), "-U", database.user(), "-d", database.name(), "-f", "-");
	}

	/**
	 * Pipes the script into {@code sqlite3 -bail FILE}.
	 * @return what sqlite3 printed (stdout and stderr)
	 * @throws AssertionError when sqlite3 exits with an error, with its output
	 */
	public static String sqlite3(SqliteDatabase database, String script) {
		return run(script, program("sqlite3", "sqlite3"), "-bail", database.file().toString());
	}

	/**
	 * The script piped into {@code psql -X -q -f -} without {@code ON_ERROR_STOP}: what a
	 * DBA may type. Whatever stops it must be in the script.
	 */
	public static Outcome psqlAsIs(PostgresDatabase database, String script) {
		int port = PostgresDatabase.server().getPort();
		return execute(script, program("psql", "postgresql-client"), "-X", "-q", "-h", "localhost", "-p",
				String.valueOf(port), "-U", database.user(), "-d", database.name(), "-f", "-");
	}

	/**
	 * The script piped into {@code sqlite3 FILE} without {@code -bail}, as
	 * {@code sqlite3 app.db < upgrade.sql}.
	 */
	public static Outcome sqlite3AsIs(SqliteDatabase database, String script) {
		return execute(script, program("sqlite3", "sqlite3"), database.file().toString());
	}

	/**
	 * What the {@code sqlite3} shell says the database holds: {@code .schema} (every
	 * table, index, view and trigger as stored, the engine's own tables included) and
	 * {@code PRAGMA user_version}.
	 */
	public static String sqliteSchema(SqliteDatabase database) {
		return run(".schema\nPRAGMA user_version;\n", program("sqlite3", "sqlite3"), "-bail",
				database.file().toString());
	}

	/**
	 * The schema {@code public} of a PostgreSQL database as sorted lines read from the
	 * catalogs: relations with their kind, columns with type, nullability and default,
	 * constraints, indexes (and whether each is valid), views, functions and procedures
	 * with their definitions, triggers, enum types and comments.
	 */
	public static List<String> postgresCatalog(PostgresDatabase database) {
		List<String> lines = new ArrayList<>();
		for (String query : CATALOG_QUERIES) {
			lines.addAll(database.queryStrings(query));
		}
		lines.sort(null);
		return lines;
	}

	private static final List<String> CATALOG_QUERIES = List.of(
			"SELECT 'relation ' || c.relkind::text || ' ' || c.relname FROM pg_class c "
					+ "WHERE c.relnamespace = 'public'::regnamespace",
			"SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type "
					+ "|| ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '') "
					+ "|| coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || ' null=' || is_nullable "
					+ "|| ' default=' || coalesce(column_default, '-') "
					+ "FROM information_schema.columns WHERE table_schema = 'public'",
			"SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
					+ "FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
			"SELECT 'index ' || c.relname || ' valid=' || i.indisvalid || ' ' || pg_get_indexdef(i.indexrelid) "
					+ "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
					+ "WHERE c.relnamespace = 'public'::regnamespace",
			"SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'",
			"SELECT 'routine ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid) FROM pg_proc p "
					+ "WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')",
			"SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
			"SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) "
					+ "FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid "
					+ "WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname",
			"SELECT 'comment ' || c.relname || '.' || d.objsubid || ' ' || d.description FROM pg_description d "
					+ "JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass "
					+ "WHERE c.relnamespace = 'public'::regnamespace");

	/** The program's path; fails, saying how to install it, when it is not there. */
	private static String program(String name, String debianPackage) {
		for (String directory : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
				return Path.of(directory, name).toString();
			}
		}
		throw new AssertionError(name + " is not installed (looked on PATH and in /usr/bin). The offline-script "
				+ "tests run every script through the real " + name + " and do not fall back to JDBC. Install it "
				+ "(Debian: apt-get install " + debianPackage + "; .ci/run does) and run the tests again.");
	}

	private static String run(String script, String... command) {
		Outcome outcome = execute(script, command);
		if (outcome.exitCode() != 0) {
			throw new AssertionError(String.join(" ", command) + " exited with " + outcome.exitCode() + ":\n"
					+ outcome.output() + "\n--- the script ---\n" + script);
		}
		return outcome.output();
	}

	private static Outcome execute(String script, String... command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().put("PGPASSWORD", "postgres");
			// as on a terminal with a Latin-1 locale: the script must say that it is
			// UTF-8
			builder.environment().put("PGCLIENTENCODING", "LATIN1");
			builder.environment().put("PGCONNECT_TIMEOUT", "10");
			Process process = builder.start();
			CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
				try {
					return process.getInputStream().readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			try {
				process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// the program stopped reading (it bailed out); its exit status and output
				// say why
			}
			finally {
				try {
					process.getOutputStream().close();
				}
				catch (IOException ex) {
					// as above
				}
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
			}
			return new Outcome(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * How a client run ended.
	 *
	 * @param exitCode the program's exit status
	 * @param output what it printed, stdout and stderr
	 */
	public record Outcome(int exitCode, String output) {

	}

}
