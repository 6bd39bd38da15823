package dev.migration.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No output path prints a password: stdout, stderr, the {@code FAILED} line and
 * {@code --debug} stack traces, for passwords given in the URL, with {@code --password}
 * and in {@code MIGRATIONS_PASSWORD}, on every way a connection fails on PostgreSQL and
 * SQLite and on success. Every password ends in the same marker, so that a leaked tail
 * (what a mask that stops at {@code ;} leaves) is found too.
 */
class PasswordRedactionTest {

	private static final String MARKER = "Xy7Tail";

	/**
	 * A role that must log in with a password: the embedded server trusts every other
	 * one.
	 */
	private static final String ROLE = "redaction_user";

	@TempDir
	Path directory;

	PostgresDatabase database;

	Cli cli;

	@BeforeAll
	static void requirePasswordsForTheRole() throws Exception {
		PostgresDatabase admin = PostgresDatabase.create();
		admin.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN SUPERUSER PASSWORD 'initial'; "
				+ "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
		Path hba = Path.of(admin.queryStrings("SHOW hba_file").get(0));
		String rules = Files.readString(hba);
		if (!rules.contains(ROLE)) {
			String own = "local all " + ROLE + " scram-sha-256\nhost all " + ROLE + " 0.0.0.0/0 scram-sha-256\n"
					+ "host all " + ROLE + " ::/0 scram-sha-256\n";
			Files.writeString(hba, own + rules);
		}
		admin.execute("SELECT pg_reload_conf()");
		// the server reloads its rules a moment after the call returns: wait until a
		// wrong password is refused
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (acceptsWrongPassword(admin)) {
			assertThat(Instant.now()).as("pg_hba.conf reloaded").isBefore(deadline);
		}
	}

	private static boolean acceptsWrongPassword(PostgresDatabase database) {
		String url = postgresUrl(PostgresDatabase.server().getPort(), database.name());
		try (Connection connection = DriverManager.getConnection(url, ROLE, "certainly-wrong")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@BeforeEach
	void setUp() {
		this.database = PostgresDatabase.create();
		this.cli = Cli.withSeed(this.directory);
	}

	private static final List<String> PASSWORDS = List.of("Sekr3t;" + MARKER, "a&b=c;" + MARKER, "p@ss;w0rd@" + MARKER,
			"100%;" + MARKER, "two words;" + MARKER, " leading space;" + MARKER);

	static Stream<Arguments> passwords() {
		List<Arguments> cases = new ArrayList<>();
		for (String password : PASSWORDS) {
			for (Given given : Given.values()) {
				cases.add(Arguments.of(password, given));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void aWrongDatabaseName(String password, Given given) {
		Result result = run(given, password, postgresUrl(this.port(), "no_such_database"), "current");

		assertFailedWithoutSecret(result, password, "no_such_database");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void aWrongPassword(String password, Given given) {
		this.database.execute("ALTER ROLE " + ROLE + " PASSWORD 'the-right-one'");

		Result result = run(given, password, postgresUrl(this.port(), this.database.name()), "--user", ROLE, "current");

		assertFailedWithoutSecret(result, password, "password authentication failed");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void theRightPasswordOnEveryLineOfASuccessfulRun(String password, Given given) {
		this.database.execute("ALTER ROLE " + ROLE + " PASSWORD '" + password.replace("'", "''") + "'");
		String url = postgresUrl(this.port(), this.database.name());

		Result upgrade = run(given, password, url, "--user", ROLE, "upgrade", "heads");
		Result current = run(given, password, url, "--user", ROLE, "current", "--verbose");

		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertThat(current.out()).contains("Current revision(s) for jdbc:postgresql://localhost:");
		assertNoSecret(upgrade, password);
		assertNoSecret(current, password);
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void anUnreachablePort(String password, Given given) {
		Result result = run(given, password, postgresUrl(1, "app"), "--debug", "current");

		assertFailedWithoutSecret(result, password, "refused");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void aUrlTheDriverCannotParse(String password, Given given) {
		Result result = run(given, password, "jdbc:postgresql://localhost:notaport/app", "--debug", "current");

		assertFailedWithoutSecret(result, password, "Unable to parse URL");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void aUrlNoDriverAccepts(String password, Given given) {
		Result result = run(given, password, "jdbc:postgresq://localhost:" + port() + "/app", "--debug", "current");

		assertFailedWithoutSecret(result, password, "No suitable driver");
	}

	static Stream<String> passwordsOnly() {
		return PASSWORDS.stream();
	}

	@ParameterizedTest
	@MethodSource("passwordsOnly")
	void userInfoTheDriverTakesForAHostName(String password) {
		String url = "jdbc:postgresql://" + ROLE + ":" + inUrl(password) + "@localhost:" + port() + "/app";

		Result result = run(Given.OPTION, password, url, "--debug", "current");

		assertFailedWithoutSecret(result, password, "FAILED: ");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void sqliteThatCannotOpenItsFile(String password, Given given) {
		String url = "jdbc:sqlite:" + this.directory.resolve("missing/folder/app.db");

		Result result = run(given, password, url, "--debug", "upgrade", "heads");

		assertFailedWithoutSecret(result, password, "FAILED: ");
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("passwords")
	void sqliteOnEveryLineOfASuccessfulRun(String password, Given given) {
		String url = SqliteDatabase.in(this.directory).url();

		Result upgrade = run(given, password, url, "upgrade", "heads");
		Result current = run(given, password, url, "current", "--verbose");

		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(current.exitCode()).as(current.err()).isZero();
		assertNoSecret(upgrade, password);
		assertNoSecret(current, password);
	}

	/**
	 * Runs the command with the password given one way; arguments after the URL go before
	 * the command's own.
	 */
	private Result run(Given given, String password, String url, String... arguments) {
		List<String> command = new ArrayList<>();
		switch (given) {
			case URL ->
				command.addAll(List.of("--url", url + (url.contains("?") ? "&" : "?") + "password=" + inUrl(password)));
			case OPTION -> command.addAll(List.of("--url", url, "--password", password));
			case ENVIRONMENT -> {
				command.addAll(List.of("--url", url));
				this.cli.environment.put("MIGRATIONS_PASSWORD", password);
			}
		}
		command.addAll(List.of(arguments));
		try {
			return this.cli.run(command.toArray(String[]::new));
		}
		finally {
			this.cli.environment.remove("MIGRATIONS_PASSWORD");
		}
	}

	/**
	 * As a user writes it in a URL: only what would change its meaning is encoded,
	 * {@code ;} and {@code @} stay.
	 */
	private static String inUrl(String password) {
		return password.replace("%", "%25").replace("&", "%26").replace(" ", "%20");
	}

	private static String postgresUrl(int port, String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	private int port() {
		return PostgresDatabase.server().getPort();
	}

	private static void assertFailedWithoutSecret(Result result, String password, String expected) {
		assertThat(result.exitCode()).as(result.err()).isNotZero();
		assertThat(result.err()).contains("FAILED: ").contains(expected);
		assertNoSecret(result, password);
	}

	private static void assertNoSecret(Result result, String password) {
		String output = result.out() + result.err();
		assertThat(output).doesNotContain(password)
			.doesNotContain(inUrl(password))
			.doesNotContain(URLEncoder.encode(password, StandardCharsets.UTF_8))
			.doesNotContain(MARKER);
	}

	enum Given {

		URL, OPTION, ENVIRONMENT

	}

}
