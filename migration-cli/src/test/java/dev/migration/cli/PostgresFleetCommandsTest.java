package dev.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.migration.Fleet;
import dev.migration.FleetTarget;
import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --schemas} over 50 tenant schemas of one PostgreSQL database, with the seed
 * revisions, which name their tables unqualified.
 */
class PostgresFleetCommandsTest {

	static final int TENANTS = 50;

	static final Pattern PREFIX = Pattern.compile("^\\[(tenant_\\d\\d)\\] ");

	@TempDir
	static Path directory;

	static PostgresDatabase database;

	@BeforeAll
	static void tenants() {
		database = PostgresDatabase.create();
		IntStream.rangeClosed(1, TENANTS).forEach((tenant) -> database.execute("CREATE SCHEMA " + tenant(tenant)));
	}

	static String tenant(int number) {
		return "tenant_%02d".formatted(number);
	}

	Cli cli(String name) {
		try {
			return Cli.withSeed(Files.createDirectories(directory.resolve(name)))
				.database(database.url(), database.user(), database.password());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void everySchemaIsUpgradedInItselfAndABrokenOneFailsAlone() {
		Cli cli = cli("upgrade");
		// teams exists already in one tenant: its third revision fails there, and only
		// there
		database.execute("CREATE TABLE tenant_07.teams (id INT)");
		Result upgrade = cli.run("--schemas", "tenant_%", "--parallel", "4", "upgrade", "heads");

		assertThat(upgrade.exitCode()).isEqualTo(1);
		List<String> lines = upgrade.lines();
		assertThat(lines).last().isEqualTo("50 schemas: 49 ok, 1 failed");
		for (String line : lines.subList(0, lines.size() - 1)) {
			assertThat(line).matches(PREFIX.pattern() + "Running upgrade .*");
		}
		// 49 tenants x 4 steps, and the broken one started 3
		assertThat(lines).hasSize(49 * 4 + 3 + 1);
		assertThat(upgrade.err().lines().toList()).singleElement()
			.asString()
			.startsWith("[tenant_07] FAILED: ")
			.contains("teams", "already exists");
		for (int tenant = 1; tenant <= TENANTS; tenant++) {
			String schema = tenant(tenant);
			List<String> tables = database
				.queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename", schema);
			assertThat(tables).as(schema)
				.isEqualTo(schema.equals("tenant_07")
						? List.of("migration_history", "migration_version", "teams", "users")
						: List.of("migration_history", "migration_version", "posts", "team_members", "teams", "users"));
		}
		assertThat(database.queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();

		Result current = cli.run("current", "--schemas", "tenant_0%,tenant_10");
		assertThat(current.exitCode()).isZero();
		assertThat(current.lines()).hasSize(11)
			.contains("[tenant_01] " + POSTS + " (head)", "[tenant_07] " + Cli.EMAIL,
					"[tenant_10] " + POSTS + " (head)")
			.last()
			.isEqualTo("10 schemas: 10 ok, 0 failed");

		database.execute("DROP TABLE tenant_07.teams");
		Result repaired = cli.run("--schemas", "tenant_%", "upgrade", "heads");
		assertThat(repaired.exitCode()).isZero();
		assertThat(repaired.lines()).containsExactly(
				"[tenant_07] Running upgrade " + Cli.EMAIL + " -> " + Cli.TEAMS + ", Create teams",
				"[tenant_07] Running upgrade " + Cli.TEAMS + " -> " + POSTS + ", Create posts",
				"50 schemas: 50 ok, 0 failed");
	}

	@Test
	void failFastStartsNoSchemaAfterTheFirstFailure() {
		List.of("ff_1", "ff_2", "ff_3", "ff_4", "ff_5")
			.forEach((schema) -> database.execute("CREATE SCHEMA " + schema));
		database.execute("CREATE TABLE ff_2.users (id INT)");
		Cli cli = cli("fail-fast");
		Result result = cli.run("--schemas", "ff_%", "--parallel", "1", "--fail-fast", "upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.lines()).last().isEqualTo("5 schemas: 1 ok, 1 failed");
		assertThat(result.err()).contains("[ff_2] FAILED: ", "--fail-fast: 3 of 5 not started");
		assertThat(database
			.queryStrings("SELECT DISTINCT schemaname FROM pg_tables WHERE schemaname LIKE 'ff%' " + "ORDER BY 1"))
			.containsExactly("ff_1", "ff_2");

		Result all = cli.run("--schemas", "ff_%", "--parallel", "2", "upgrade", "heads");
		assertThat(all.lines()).last().isEqualTo("5 schemas: 4 ok, 1 failed");
	}

	@Test
	void shardsOfTheFleetAreDisjointAndCoverIt() {
		Cli cli = cli("shards");
		Set<String> seen = new HashSet<>();
		int total = 0;
		for (int part = 1; part <= 3; part++) {
			Result shard = cli.run("--schemas", "tenant_%", "--shard", part + "/3", "history", "-r",
					"base:" + Cli.USERS);
			assertThat(shard.exitCode()).isZero();
			List<String> lines = shard.lines();
			int count = lines.size() - 1;
			assertThat(lines).last().isEqualTo(count + " schemas: " + count + " ok, 0 failed");
			for (String line : lines.subList(0, count)) {
				Matcher prefix = PREFIX.matcher(line);
				assertThat(prefix.find()).as(line).isTrue();
				assertThat(seen.add(prefix.group(1))).as("%s in two shards", prefix.group(1)).isTrue();
			}
			total += count;
		}
		assertThat(total).isEqualTo(TENANTS);
		assertThat(seen).hasSize(TENANTS);
	}

	@Test
	void anEmptyShardIsNoFailure() {
		List<FleetTarget> one = List.of(FleetTarget.schema("tenant_01"));
		int empty = 1;
		while (!Fleet.shard(one, empty, 8).isEmpty()) {
			empty++;
		}
		Result result = cli("empty").run("--schemas", "tenant_01", "--shard", empty + "/8", "upgrade", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("0 schemas: 0 ok, 0 failed\n");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void theHelpNamesTheFleetOptionsWithoutFormattingWarnings() {
		// picocli warns about a bad format string on System.err, not on the command
		// line's own stream
		java.io.PrintStream systemErr = System.err;
		java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
		Result help;
		try {
			System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
			help = cli("help").run("upgrade", "--help");
		}
		finally {
			System.setErr(systemErr);
		}
		assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--schemas=LIST", "'tenant_%'", "--urls=FILE", "--parallel=N", "--fail-fast",
				"--shard=K/N");
		assertThat(help.err()).isEmpty();
	}

	@Test
	void usageErrorsSayWhatGoesWithWhat() {
		Cli cli = cli("usage");
		List<String[]> wrong = new ArrayList<>();
		wrong.add(new String[] { "--parallel", "2", "upgrade", "heads" });
		wrong.add(new String[] { "--schemas", "tenant_%", "--shard", "4/3", "upgrade", "heads" });
		wrong.add(new String[] { "--schemas", "tenant_%", "--parallel", "0", "upgrade", "heads" });
		wrong.add(new String[] { "--schemas", "tenant_%", "upgrade", "--sql", "heads" });
		wrong.add(new String[] { "--schemas", "tenant_%", "revision", "-m", "x" });
		wrong.add(new String[] { "--schemas", "tenant_%", "--urls", "file.txt", "current" });
		for (String[] arguments : wrong) {
			Result result = cli.run(arguments);
			assertThat(result.exitCode()).as(String.join(" ", arguments)).isEqualTo(2);
			assertThat(result.err()).as(String.join(" ", arguments)).startsWith("FAILED: ").hasLineCount(1);
		}
		Result missing = cli.run("--schemas", "tenant_01,nobody", "current");
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err()).contains("Schema(s) nobody do not exist", "Nothing was run");
	}

}
