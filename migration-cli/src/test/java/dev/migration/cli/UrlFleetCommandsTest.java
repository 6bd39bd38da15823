package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migration.Fleet;
import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --urls}: a database per tenant, 20 SQLite files and PostgreSQL databases whose
 * URLs carry a password.
 */
class UrlFleetCommandsTest {

	@TempDir
	Path directory;

	@Test
	void twentySqliteFilesAreUpgradedAndABrokenOneFailsAlone() throws IOException {
		List<String> lines = new ArrayList<>(List.of("# one file per tenant", ""));
		List<SqliteDatabase> databases = new ArrayList<>();
		for (int tenant = 1; tenant <= 20; tenant++) {
			SqliteDatabase database = new SqliteDatabase(this.directory.resolve("tenant_" + tenant + ".db"));
			databases.add(database);
			lines.add(database.url());
		}
		databases.get(12).execute("CREATE TABLE posts (id INTEGER)");
		Path file = Files.write(this.directory.resolve("tenants.txt"), lines);
		Cli cli = Cli.withSeed(this.directory);

		Result upgrade = cli.run("--urls", file.toString(), "--parallel", "3", "upgrade", "heads");

		assertThat(upgrade.exitCode()).isEqualTo(1);
		assertThat(upgrade.lines()).hasSize(19 * 4 + 4 + 1).last().isEqualTo("20 databases: 19 ok, 1 failed");
		String broken = "[" + databases.get(12).url() + "] ";
		assertThat(upgrade.err()).startsWith(broken + "FAILED: ").contains("posts").hasLineCount(1);
		assertThat(upgrade.lines()).filteredOn((line) -> line.startsWith("[" + databases.get(0).url() + "] "))
			.hasSize(4);
		for (int tenant = 0; tenant < 20; tenant++) {
			assertThat(databases.get(tenant).tables()).as("tenant %d", tenant + 1)
				.contains("users", "teams", "team_members", "posts");
			assertThat(databases.get(tenant).queryStrings("SELECT version_num FROM migration_version"))
				.containsExactly((tenant == 12) ? Cli.TEAMS : POSTS);
		}

		Result current = cli.run("--urls", file.toString(), "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.lines()).hasSize(21).contains("[" + databases.get(19).url() + "] " + POSTS + " (head)");
	}

	@Test
	void anEmptyShardOfAUrlFileCountsDatabases() throws IOException {
		SqliteDatabase only = new SqliteDatabase(this.directory.resolve("only.db"));
		Path file = Files.write(this.directory.resolve("tenants.txt"), List.of(only.url()));
		Cli cli = Cli.withSeed(this.directory);
		// one URL in two parts: one part holds it, the other is empty
		String empty = Fleet.shard(Fleet.urls(file), 1, 2).isEmpty() ? "1/2" : "2/2";

		Result result = cli.run("--urls", file.toString(), "--shard", empty, "current");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("0 databases: 0 ok, 0 failed\n");
	}

	@Test
	void theFleetOptionsComeFromTheEnvironmentAndAloneAreNoUsageError() throws IOException {
		SqliteDatabase only = new SqliteDatabase(this.directory.resolve("only.db"));
		Path file = Files.write(this.directory.resolve("tenants.txt"), List.of(only.url()));
		Cli cli = Cli.withSeed(this.directory);
		cli.environment.put("MIGRATIONS_PARALLEL", "2");
		cli.environment.put("MIGRATIONS_FAIL_FAST", "true");
		cli.environment.put("MIGRATIONS_SHARD", "1/1");
		assertThat(cli.run("heads").exitCode()).isZero();

		cli.environment.put("MIGRATIONS_URLS", file.toString());
		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.lines()).hasSize(5).last().isEqualTo("1 databases: 1 ok, 0 failed");
	}

	@Test
	void aPasswordInAUrlNeverAppearsInTheOutput() throws IOException {
		PostgresDatabase first = PostgresDatabase.create();
		PostgresDatabase second = PostgresDatabase.create();
		String password = "Fl33t-S3cret";
		first.execute("DO $$ BEGIN CREATE ROLE fleet_owner LOGIN SUPERUSER PASSWORD '" + password
				+ "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
		String firstName = first.url().replace("user=postgres", "user=fleet_owner");
		String good = firstName + "&password=" + password;
		// a database that does not exist: the driver's error quotes what it was given
		String missing = second.url()
			.replace("user=postgres", "password=" + password + "&user=fleet_owner")
			.replace(second.name(), "no_such_db");
		String secondUrl = second.url().replace("user=postgres", "user=fleet_owner&password=" + password);
		Path file = Files.write(this.directory.resolve("databases.txt"), List.of(good, missing, secondUrl));
		Cli cli = Cli.withSeed(this.directory);

		Result upgrade = cli.run("--urls", file.toString(), "--debug", "upgrade", "heads");

		assertThat(upgrade.exitCode()).isEqualTo(1);
		assertThat(upgrade.out() + upgrade.err()).doesNotContain(password).contains("fleet_owner");
		assertThat(upgrade.lines()).last().isEqualTo("3 databases: 2 ok, 1 failed");
		assertThat(upgrade.lines()).contains("[" + firstName + "] Running upgrade  -> " + Cli.USERS + ", Create users");
		assertThat(upgrade.err()).contains("FAILED: ", "no_such_db");
		assertThat(second.tables()).contains("posts");
	}

}
