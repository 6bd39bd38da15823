package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.AutogenerateCommandsTest.CHANGED_SCHEMA;
import static dev.migration.cli.AutogenerateCommandsTest.SEED_SCHEMA;
import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} and {@code revision --autogenerate} with {@code --dev-url}: the target
 * schema goes to a second PostgreSQL database on the embedded server.
 */
class DevUrlCommandsTest {

	private static final String SCRATCH_SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE "
			+ "'migration\\_scratch\\_%'";

	@TempDir
	Path directory;

	private final PostgresDatabase live = PostgresDatabase.create();

	private final PostgresDatabase dev = PostgresDatabase.create();

	private Cli cli() {
		Cli cli = Cli.withSeed(this.directory).database(this.live.url(), this.live.user(), this.live.password());
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		return cli;
	}

	private void writeSchema(String text) throws IOException {
		Files.writeString(this.directory.resolve("schema.sql"), text);
	}

	@Test
	void checkWithADevUrlListsTheDifferencesAndFailsThenPassesWhenClean() throws IOException {
		Cli cli = cli();
		writeSchema(CHANGED_SCHEMA);
		Result check = cli.run("check", "--dev-url", this.dev.url());
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.lines()).contains("add table tags", "remove index ix_posts_user_id on posts").hasSize(4);
		assertThat(check.err()).startsWith("FAILED: New upgrade operations detected (4).").hasLineCount(1);

		writeSchema(SEED_SCHEMA);
		Result clean = cli.run("check", "--dev-url", this.dev.url());
		assertThat(clean.exitCode()).as(clean.err()).isZero();
		assertThat(clean.out()).isEqualTo("No new upgrade operations detected.\n");
		assertThat(this.live.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
		assertThat(this.dev.queryStrings(SCRATCH_SCHEMAS)).isEmpty();
		assertThat(this.dev.tables()).isEmpty();
	}

	@Test
	void revisionAutogenerateWithADevUrlWritesTheRevision() throws IOException {
		Cli cli = cli();
		writeSchema(CHANGED_SCHEMA);
		Result revision = cli.run("revision", "-m", "Sync schema", "--autogenerate", "--dev-url", this.dev.url());
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.err()).contains("Detected add table tags");
		assertThat(revision.out()).startsWith("Generating ").endsWith("_sync_schema.sql ... done\n");
		Path file = Path.of(revision.out().substring("Generating ".length(), revision.out().indexOf(" ... done")));
		assertThat(Files.readString(file)).contains("-- down_revision: " + POSTS)
			.contains("CREATE TABLE tags")
			.contains("DROP TABLE tags;");
		assertThat(this.live.tables()).doesNotContain("tags");
		assertThat(this.dev.tables()).isEmpty();

		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		Result check = cli.run("check", "--dev-url", this.dev.url());
		assertThat(check.exitCode()).as(check.err()).isZero();
	}

	@Test
	void theDevUrlComesFromTheEnvironmentToo() throws IOException {
		Cli cli = cli();
		writeSchema(SEED_SCHEMA);
		cli.environment.put("MIGRATIONS_DEV_URL",
				"jdbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/no_such_database");
		Result check = cli.run("check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).startsWith("FAILED: Cannot connect to the dev database jdbc:postgresql://localhost:")
			.contains("no_such_database")
			.hasLineCount(1);
		// the option wins over the environment
		assertThat(cli.run("check", "--dev-url", this.dev.url()).exitCode()).isZero();
		// only the option on a plain revision is a usage error, not the variable
		Result plain = cli.run("revision", "-m", "Plain");
		assertThat(plain.exitCode()).as(plain.err()).isZero();
		assertThat(cli.run("revision", "-m", "Plain", "--dev-url", this.dev.url()).exitCode()).isEqualTo(2);
	}

	@Test
	void aDevUrlOfAnotherKindIsRefusedNamingBoth() throws IOException {
		SqliteDatabase sqlite = SqliteDatabase.in(this.directory);
		Cli cli = Cli.withSeed(this.directory).database(sqlite.url(), null, null);
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		writeSchema(SEED_SCHEMA);
		Result check = cli.run("check", "--dev-url", this.dev.url());
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).isEqualTo("FAILED: The dev database " + this.dev.url() + " is PostgreSQL but the "
				+ "database " + sqlite.url() + " is SQLite: the target schema must be applied to a database of the "
				+ "same kind. Nothing was compared. Leave out the dev URL (--dev-url, MIGRATIONS_DEV_URL).\n");
	}

	@Test
	void aDevUrlWithoutAutogenerateIsAUsageError() throws IOException {
		Cli cli = Cli.withSeed(this.directory);
		List<Path> before;
		try (Stream<Path> files = Files.list(cli.revisions)) {
			before = files.sorted().toList();
		}
		Result revision = cli.run("revision", "-m", "Plain", "--dev-url", this.dev.url());
		assertThat(revision.exitCode()).isEqualTo(2);
		assertThat(revision.err()).isEqualTo("FAILED: --target-schema, --include-table, --exclude-table and --dev-url "
				+ "go with --autogenerate.\n");
		try (Stream<Path> files = Files.list(cli.revisions)) {
			assertThat(files.sorted().toList()).isEqualTo(before);
		}
	}

}
