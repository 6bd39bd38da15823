package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migration.cli.Cli.Result;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.Cli.EMAIL;
import static dev.migration.cli.Cli.POSTS;
import static dev.migration.cli.Cli.TEAMS;
import static dev.migration.cli.Cli.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that Alembic versioned (its schema at a revision, {@code alembic_version} as
 * Alembic creates it, no history table), reached from the command line with
 * {@code --version-table} or its environment variable. Each subclass names the database
 * and the schema of the tables.
 */
abstract class AlembicDatabaseCommandsTest {

	@TempDir
	Path directory;

	TestDatabase database;

	Cli cli;

	abstract TestDatabase newDatabase(Path directory);

	/** The schema of the tables, or {@code null} for the connection's default. */
	abstract String schema();

	/** Creates {@link #schema()} where the database needs that. */
	void createSchema() {
	}

	@BeforeEach
	void setUp() {
		this.database = newDatabase(this.directory);
		this.cli = Cli.withSeed(this.directory)
			.database(this.database.url(), this.database.user(), this.database.password());
	}

	String qualified(String table) {
		return (schema() == null) ? table : schema() + "." + table;
	}

	/** The command line with the table options before it. */
	Result run(String... command) {
		List<String> args = new ArrayList<>();
		if (schema() != null) {
			args.addAll(List.of("--schema", schema()));
		}
		args.addAll(List.of("--version-table", "alembic_version"));
		args.addAll(List.of(command));
		return this.cli.run(args.toArray(String[]::new));
	}

	/**
	 * The schema of {@code revision} (made here in tables of other names, dropped), then
	 * Alembic's table.
	 */
	void versionedByAlembicAt(String revision) {
		Result made = this.cli.run("--version-table", "scratch_version", "--history-table", "scratch_history",
				"upgrade", revision);
		assertThat(made.exitCode()).as(made.err()).isZero();
		this.database.execute("DROP TABLE scratch_version");
		this.database.execute("DROP TABLE scratch_history");
		if (schema() != null) {
			createSchema();
		}
		this.database.execute("CREATE TABLE " + qualified("alembic_version") + " (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		this.database.execute("INSERT INTO " + qualified("alembic_version") + " VALUES ('" + revision + "')");
	}

	List<String> versionRows() {
		return this.database.queryStrings("SELECT version_num FROM " + qualified("alembic_version"));
	}

	long historyRows() {
		return this.database.count("SELECT COUNT(*) FROM " + qualified("migration_history"));
	}

	@Test
	void everyCommandWorksOnTheAlembicVersionTable() throws IOException {
		versionedByAlembicAt(TEAMS);

		assertThat(run("current").out()).isEqualTo(TEAMS + "\n");
		assertThat(run("history", "--indicate-current").lines())
			.contains(EMAIL + " -> " + TEAMS + " (current), Create teams");
		assertThat(run("validate").out()).isEqualTo("OK\n");

		Result upgrade = run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.lines()).containsExactly("Running upgrade " + TEAMS + " -> " + POSTS + ", Create posts");
		assertThat(versionRows()).containsExactly(POSTS);
		assertThat(historyRows()).isEqualTo(1);

		Path target = this.directory.resolve("schema.sql");
		Files.writeString(target, headsSchema());
		Result check = run("check", "--target-schema", target.toString());
		assertThat(check.out()).as(check.err()).isEqualTo("No new upgrade operations detected.\n");
		assertThat(check.exitCode()).isZero();

		Result downgrade = run("downgrade", "-1");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(downgrade.lines()).containsExactly("Running downgrade " + POSTS + " -> " + TEAMS + ", Create posts");
		assertThat(versionRows()).containsExactly(TEAMS);

		Result stamp = run("stamp", "base");
		assertThat(stamp.exitCode()).as(stamp.err()).isZero();
		assertThat(stamp.lines()).containsExactly("Running stamp_revision " + TEAMS + " -> ");
		assertThat(versionRows()).isEmpty();
		assertThat(run("current").out()).isEmpty();
		assertThat(this.database.tables()).contains("teams", "users");
	}

	@Test
	void downgradeAndStampBaseOnAFreshAlembicDatabaseCreateTheHistoryTable() {
		versionedByAlembicAt(EMAIL);

		Result downgrade = run("downgrade", "base");

		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(downgrade.lines()).containsExactly(
				"Running downgrade " + EMAIL + " -> " + USERS + ", Add email verification",
				"Running downgrade " + USERS + " -> , Create users");
		assertThat(versionRows()).isEmpty();
		assertThat(historyRows()).isEqualTo(2);
	}

	@Test
	void environmentVariablesNameTheTables() {
		versionedByAlembicAt(TEAMS);
		this.cli.environment.put("MIGRATIONS_VERSION_TABLE", "alembic_version");
		this.cli.environment.put("MIGRATIONS_HISTORY_TABLE", "migration_log");
		if (schema() != null) {
			this.cli.environment.put("MIGRATIONS_SCHEMA", schema());
		}

		assertThat(this.cli.run("current").out()).isEqualTo(TEAMS + "\n");
		Result stamp = this.cli.run("stamp", "base");

		assertThat(stamp.exitCode()).as(stamp.err()).isZero();
		assertThat(versionRows()).isEmpty();
		assertThat(this.database.count("SELECT COUNT(*) FROM " + qualified("migration_log"))).isEqualTo(1);
	}

	@Test
	void optionsWinOverTheirEnvironmentVariables() {
		versionedByAlembicAt(TEAMS);
		this.cli.environment.put("MIGRATIONS_VERSION_TABLE", "no_such_table");

		assertThat(run("current").out()).isEqualTo(TEAMS + "\n");
	}

	@Test
	void anOfflineScriptWritesTheNamedTables() {
		Result script = run("upgrade", TEAMS + ":" + POSTS, "--sql");

		assertThat(script.exitCode()).as(script.err()).isZero();
		assertThat(script.out())
			.contains("UPDATE " + quoted("alembic_version") + " SET version_num = '" + POSTS + "' WHERE version_num = '"
					+ TEAMS + "'")
			.contains(quoted("migration_history"))
			.doesNotContain("migration_version");
	}

	private String quoted(String table) {
		return (schema() == null) ? "\"" + table + "\"" : "\"" + schema() + "\".\"" + table + "\"";
	}

	/** The schema at heads, as the upgrade sections of the seed revisions make it. */
	private String headsSchema() throws IOException {
		StringBuilder sql = new StringBuilder();
		for (String id : List.of(USERS, EMAIL, TEAMS, POSTS)) {
			try (var files = Files.list(this.cli.revisions)) {
				Path file = files.filter((path) -> path.getFileName().toString().startsWith(id))
					.findFirst()
					.orElseThrow();
				String text = Files.readString(file);
				sql.append(text, text.indexOf("-- upgrade"), text.indexOf("-- downgrade")).append('\n');
			}
		}
		return sql.toString();
	}

}
