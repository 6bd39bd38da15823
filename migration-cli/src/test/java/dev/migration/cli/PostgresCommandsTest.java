package dev.migration.cli;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import static dev.migration.cli.Cli.EMAIL;
import static dev.migration.cli.Cli.POSTS;
import static dev.migration.cli.Cli.TEAMS;
import static dev.migration.cli.Cli.USERS;
import static org.assertj.core.api.Assertions.assertThat;

class PostgresCommandsTest extends DatabaseCommandsTest<PostgresDatabase> {

	@Override
	PostgresDatabase createDatabase() {
		return PostgresDatabase.create();
	}

	@Test
	void aNonTransactionalRevisionThatFailedHalfWayIsReportedAndRefusedUntilAStamp() {
		String half = "abababababab";
		this.cli.write(half + "_half.sql", "-- revision: " + half + "\n-- down_revision: " + POSTS
				+ "\n-- message: Half\n-- transactional: false\n\n-- upgrade\n"
				+ "CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);\nINSERT INTO nowhere VALUES (1);\n"
				+ "\n-- downgrade\nDROP INDEX CONCURRENTLY ix_posts_title;\n");
		Result failed = this.cli.run("upgrade", "heads");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).startsWith("FAILED: ")
			.contains(half, "nowhere", "not transactional", "'stamp " + POSTS + "'")
			.doesNotContain("rolled back");

		for (String command : new String[] { "current", "validate" }) {
			Result report = this.cli.run(command);
			assertThat(report.exitCode()).as(command).isZero();
			assertThat(report.err()).as(command).contains("WARNING: Revision " + half, "failed half way");
		}
		Result refused = this.cli.run("upgrade", "heads");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).startsWith("FAILED: ").contains(half, "Nothing was run").hasLineCount(1);

		this.database.execute("DROP INDEX ix_posts_title");
		assertThat(this.cli.run("stamp", POSTS).exitCode()).isZero();
		assertThat(this.cli.run("current").err()).isEmpty();
	}

	@Test
	void fromInitToDowngradeBase() {
		Result upgrade = this.cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.err()).isEmpty();
		assertThat(upgrade.lines()).hasSize(4).first().isEqualTo("Running upgrade  -> " + USERS + ", Create users");
		assertThat(this.database.tables()).containsExactly("posts", "team_members", "teams", "users");

		assertThat(this.cli.run("current").out()).isEqualTo(POSTS + " (head)\n");
		assertThat(this.cli.run("validate").out()).isEqualTo("OK\n");

		Result down = this.cli.run("downgrade", "-2");
		assertThat(down.exitCode()).isZero();
		assertThat(down.lines()).containsExactly("Running downgrade " + POSTS + " -> " + TEAMS + ", Create posts",
				"Running downgrade " + TEAMS + " -> " + EMAIL + ", Create teams");
		assertThat(this.cli.run("history", "--indicate-current").lines())
			.contains(USERS + " -> " + EMAIL + " (current), Add email verification");

		Result base = this.cli.run("downgrade", "base");
		assertThat(base.exitCode()).isZero();
		assertThat(base.lines()).hasSize(2).last().isEqualTo("Running downgrade " + USERS + " -> , Create users");
		assertThat(this.database.tables()).isEmpty();
		assertThat(this.cli.run("current").out()).isEmpty();
		assertThat(this.database.count("SELECT count(*) FROM migration_history")).isEqualTo(8);
	}

	@Test
	void currentVerboseNeverPrintsThePassword() {
		this.database.execute("CREATE ROLE migrator LOGIN SUPERUSER PASSWORD 's3cret-pw'");
		try {
			String url = "jdbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/"
					+ this.database.name() + "?password=s3cret-pw";
			this.cli.run("--url", url, "--user", "migrator", "upgrade", USERS);
			Result result = this.cli.run("--url", url, "--user", "migrator", "--password", "s3cret-pw", "current",
					"--verbose");
			assertThat(result.exitCode()).isZero();
			assertThat(result.out()).doesNotContain("s3cret-pw")
				.contains("password=****")
				.contains(" as migrator:")
				.contains("Rev: " + USERS + " (current)");
		}
		finally {
			this.database.execute("DROP OWNED BY migrator");
			this.database.execute("DROP ROLE migrator");
		}
	}

	@Test
	void unreachableDatabaseFails() {
		Result result = this.cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nothing", "current");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: Cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
			.hasLineCount(1);
	}

}
