package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;

import static dev.migration.cli.Cli.EMAIL;
import static dev.migration.cli.Cli.POSTS;
import static dev.migration.cli.Cli.TEAMS;
import static dev.migration.cli.Cli.USERS;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteCommandsTest extends DatabaseCommandsTest<SqliteDatabase> {

	@Override
	SqliteDatabase createDatabase() {
		return SqliteDatabase.in(this.directory);
	}

	@Test
	void upgradePrintsOneLinePerStep() {
		Result result = this.cli.run("upgrade", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Running upgrade  -> " + USERS + ", Create users",
				"Running upgrade " + USERS + " -> " + EMAIL + ", Add email verification",
				"Running upgrade " + EMAIL + " -> " + TEAMS + ", Create teams",
				"Running upgrade " + TEAMS + " -> " + POSTS + ", Create posts");
		assertThat(result.err()).isEmpty();
		assertThat(this.database.tables()).containsExactly("posts", "team_members", "teams", "users");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);
	}

	@Test
	void anOfflineScriptIsPrintedAsItRunsEvenWhereItSpellsThePassword() {
		this.cli.write("p1_owner.sql", Cli.revision("p1", POSTS, "Owner",
				"INSERT INTO users (id, name) VALUES (7, 'postgres');", "DELETE FROM users WHERE id = 7;"));
		Result result = this.cli.run("--password", "postgres", "upgrade", "--sql", POSTS + ":p1");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("INSERT INTO users (id, name) VALUES (7, 'postgres');")
			.doesNotContain("****");
	}

	@Test
	void upgradeTakesOptionsBeforeOrAfterTheCommand() {
		this.cli.environment.remove("MIGRATIONS_URL");
		assertThat(this.cli.run("--url", this.database.url(), "upgrade", EMAIL).exitCode()).isZero();
		Result result = this.cli.run("upgrade", "+1", "--url", this.database.url());
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Running upgrade " + EMAIL + " -> " + TEAMS + ", Create teams");
	}

	@Test
	void upgradeToAnAppliedRevisionDoesNothing() {
		this.cli.run("upgrade", "heads");
		Result result = this.cli.run("upgrade", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEmpty();
	}

	@Test
	void downgradePrintsOneLinePerStep() {
		this.cli.run("upgrade", "heads");
		Result result = this.cli.run("downgrade", "-1");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Running downgrade " + POSTS + " -> " + TEAMS + ", Create posts");
		result = this.cli.run("downgrade", "base");
		assertThat(result.lines()).containsExactly("Running downgrade " + TEAMS + " -> " + EMAIL + ", Create teams",
				"Running downgrade " + EMAIL + " -> " + USERS + ", Add email verification",
				"Running downgrade " + USERS + " -> , Create users");
		assertThat(result.err()).isEmpty();
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aNonTransactionalRevisionThatFailedHalfWayIsReportedByEveryCommandUntilAStamp() {
		String half = "abababababab";
		this.cli.write(half + "_half.sql",
				"-- revision: " + half + "\n-- down_revision: " + POSTS
						+ "\n-- message: Half\n-- transactional: false\n\n-- upgrade\nCREATE TABLE half (id INTEGER);\n"
						+ "INSERT INTO nowhere VALUES (1);\n\n-- downgrade\nDROP TABLE half;\n");
		Result failed = this.cli.run("upgrade", "heads");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).startsWith("FAILED: ")
			.contains(half, "nowhere", "not transactional", "'stamp " + POSTS + "'", "'stamp " + half + "'")
			.doesNotContain("rolled back")
			.hasLineCount(1);
		assertThat(this.database.tables()).contains("half");

		for (String[] command : List.of(new String[] { "current" }, new String[] { "history", "--indicate-current" },
				new String[] { "current", "--verbose" })) {
			Result report = this.cli.run(command);
			assertThat(report.exitCode()).as(String.join(" ", command)).isZero();
			assertThat(report.err()).as(String.join(" ", command))
				.contains(half, "did not finish", "failed half way", "'stamp " + POSTS + "'");
		}
		assertThat(this.cli.run("current").out()).isEqualTo(POSTS + System.lineSeparator());
		for (String[] command : List.of(new String[] { "upgrade", "heads" }, new String[] { "downgrade", "-1" })) {
			Result refused = this.cli.run(command);
			assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(1);
			assertThat(refused.out()).as(String.join(" ", command)).isEmpty();
			assertThat(refused.err()).as(String.join(" ", command))
				.startsWith("FAILED: ")
				.contains(half, "Nothing was run")
				.hasLineCount(1);
		}
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);

		// repaired by hand: what the revision did is undone; the stamp to where the
		// database is clears the mark
		this.database.execute("DROP TABLE half");
		Result stamp = this.cli.run("stamp", POSTS);
		assertThat(stamp.exitCode()).isZero();
		assertThat(stamp.err()).contains(half, "cleared");
		assertThat(this.cli.run("current").err()).isEmpty();
		this.cli.write(half + "_half.sql",
				"-- revision: " + half + "\n-- down_revision: " + POSTS
						+ "\n-- message: Half\n-- transactional: false\n\n-- upgrade\nCREATE TABLE half (id INTEGER);\n"
						+ "\n-- downgrade\nDROP TABLE half;\n");
		assertThat(this.cli.run("upgrade", "heads").exitCode()).isZero();
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(half);
	}

	@Test
	void errorsShowAStackTraceOnlyWithDebug() {
		Result result = this.cli.run("--debug", "upgrade", "ffffff");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("\tat dev.migration.").contains("FAILED: ");
	}

	@Test
	void missingUrlIsAUsageError() {
		this.cli.environment.remove("MIGRATIONS_URL");
		Result result = this.cli.run("upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("FAILED: No database given: pass --url JDBC_URL or set MIGRATIONS_URL.\n");
	}

	@Test
	void unreachableDatabaseFails() {
		Result result = this.cli.run("--url", "jdbc:sqlite:" + this.directory.resolve("missing/dir/app.db"), "upgrade",
				"heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: Cannot connect to jdbc:sqlite:").hasLineCount(1);
	}

	@Test
	void missingRevisionsFolderFails() {
		Result result = this.cli.run("--location", this.directory.resolve("nope").toString(), "upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: Revisions location ")
			.contains("nope")
			.contains("does not exist")
			.hasLineCount(1);
		assertThat(this.directory.resolve("test.db")).doesNotExist();
	}

	@Test
	void malformedRevisionFileFails() {
		this.cli.write("bad_file.sql", "-- revision: bad\n-- colour: blue\n-- down_revision: none\n\n-- upgrade\n");
		Result result = this.cli.run("upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ").contains("bad_file.sql").contains("colour").hasLineCount(1);
		assertThat(this.directory.resolve("test.db")).doesNotExist();
	}

	@Test
	void unknownCommandsAndOptionsAreUsageErrors() {
		Result unknown = this.cli.run("frobnicate");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).startsWith("FAILED: Unmatched argument").hasLineCount(1);
		assertThat(this.cli.run("upgrade", "heads", "--bogus").exitCode()).isEqualTo(2);
		Result missing = this.cli.run("upgrade");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err())
			.isEqualTo("FAILED: Missing required parameter: 'TARGET'. See 'migration upgrade --help'.\n");
		assertThat(this.cli.run().exitCode()).isEqualTo(2);
	}

	@Test
	void everyCommandHasHelpWithAnExample() {
		for (String command : List.of("init", "revision", "merge", "upgrade", "downgrade", "current", "history",
				"heads", "branches", "show", "stamp", "check", "validate")) {
			Result result = this.cli.run(command, "--help");
			assertThat(result.exitCode()).as(command).isZero();
			assertThat(result.out()).as(command).startsWith("Usage: migration " + command).contains("Example");
		}
		assertThat(this.cli.run("--help").out()).contains("MIGRATIONS_URL").contains("upgrade");
	}

	@Test
	void helpListsTheTableOptionsWithTheirEnvironmentVariables() {
		String help = this.cli.run("--help").out();
		assertThat(help).contains("--schema=SCHEMA", "MIGRATIONS_SCHEMA", "--version-table=TABLE",
				"MIGRATIONS_VERSION_TABLE", "alembic_version", "--history-table=TABLE", "MIGRATIONS_HISTORY_TABLE",
				"--version");
		assertThat(this.cli.run("upgrade", "--help").out()).contains("--version-table=TABLE");
	}

	@Test
	void versionPrintsTheProjectVersion() {
		Result result = this.cli.run("--version");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).matches("migration \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void currentShowsTheVersionRows() {
		assertThat(this.cli.run("current").out()).isEmpty();
		this.cli.run("upgrade", TEAMS);
		Result result = this.cli.run("current");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(TEAMS + "\n");
		this.cli.run("upgrade", "heads");
		assertThat(this.cli.run("current").out()).isEqualTo(POSTS + " (head)\n");
	}

	@Test
	void currentVerboseShowsTheRevisionInFull() {
		this.cli.run("upgrade", "heads");
		Result result = this.cli.run("current", "--verbose");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).startsWith("Current revision(s) for " + this.database.url() + ":",
				"Rev: " + POSTS + " (head) (current)", "Parent: " + TEAMS);
	}

	@Test
	void historyListsTheGraphNewestFirstWithoutADatabase() {
		this.cli.environment.remove("MIGRATIONS_URL");
		Result result = this.cli.run("history");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly(TEAMS + " -> " + POSTS + " (head), Create posts",
				EMAIL + " -> " + TEAMS + ", Create teams", USERS + " -> " + EMAIL + ", Add email verification",
				"<base> -> " + USERS + ", Create users");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void historyTakesARange() {
		Result result = this.cli.run("history", "-r", EMAIL + ":" + TEAMS);
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly(EMAIL + " -> " + TEAMS + ", Create teams",
				USERS + " -> " + EMAIL + ", Add email verification");
		assertThat(this.cli.run("history", "-r", ":" + USERS).lines())
			.containsExactly("<base> -> " + USERS + ", Create users");
		assertThat(this.cli.run("history", "-r", "nonsense").exitCode()).isEqualTo(2);
	}

	@Test
	void historyRangeFromCurrentAndIndicateCurrent() {
		this.cli.run("upgrade", TEAMS);
		Result result = this.cli.run("history", "-r", "current:", "--indicate-current");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly(TEAMS + " -> " + POSTS + " (head), Create posts",
				EMAIL + " -> " + TEAMS + " (current), Create teams");
		assertThat(this.cli.run("history", "-r", "base:current").lines()).hasSize(3);
	}

	@Test
	void historyFromCurrentAtBaseShowsEverything() {
		Result result = this.cli.run("history", "-r", "current:");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).hasSize(4);
		assertThat(this.cli.run("history", "-r", "base:current").out()).isEmpty();
	}

	@Test
	void historyVerboseShowsKeyValueEntries() {
		Result result = this.cli.run("history", "--verbose", "-r", ":" + USERS);
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).contains("Rev: " + USERS, "Parent: <base>", "Message: Create users",
				"Created: 2026-11-24T08:00:00Z");
	}

	@Test
	void headsBranchesAndMarksOfABranchedGraph() {
		this.cli.write("b1_side.sql", Cli.revision("b1", EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		Result heads = this.cli.run("heads");
		assertThat(heads.exitCode()).isZero();
		assertThat(heads.lines()).containsExactlyInAnyOrder(POSTS + " (head)", "b1 (head)");
		Result branches = this.cli.run("branches");
		assertThat(branches.exitCode()).isZero();
		assertThat(branches.lines()).startsWith(EMAIL + " (branchpoint)")
			.endsWith("")
			.containsExactlyInAnyOrder(EMAIL + " (branchpoint)", "             -> b1 (head)",
					"             -> " + TEAMS, "");
		assertThat(this.cli.run("history").lines())
			.contains(USERS + " -> " + EMAIL + " (branchpoint), Add email verification");
	}

	@Test
	void upgradeHeadWithTwoHeadsFails() {
		this.cli.write("b1_side.sql", Cli.revision("b1", EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ")
			.contains(POSTS)
			.contains("b1")
			.contains("heads")
			.hasLineCount(1);
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void showPrintsOneRevisionInFull() {
		Result result = this.cli.run("show", "3f1c");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).startsWith("Rev: " + TEAMS, "Parent: " + EMAIL)
			.contains("Message: Create teams", "Transactional: true", "Reversible: true");
		assertThat(result.out()).contains("Path: ").contains("Checksum: ");
		Result unknown = this.cli.run("show", "zzz");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.err()).startsWith("FAILED: ").hasLineCount(1);
	}

	@Test
	void stampSetsTheVersionTableWithoutRunning() {
		Result result = this.cli.run("stamp", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Running stamp_revision  -> " + POSTS);
		assertThat(this.database.tables()).isEmpty();
		assertThat(this.cli.run("current").out()).isEqualTo(POSTS + " (head)\n");
		result = this.cli.run("stamp", "--purge", USERS);
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Running stamp_revision " + POSTS + " -> " + USERS);
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(USERS);
	}

	@Test
	void validateReportsChangedSources() throws IOException {
		this.cli.run("upgrade", "heads");
		Result ok = this.cli.run("validate");
		assertThat(ok.exitCode()).isZero();
		assertThat(ok.out()).isEqualTo("OK\n");
		Path teams = this.cli.revisions.resolve("3f1c2a9b7d10_create_teams.sql");
		Files.writeString(teams, Files.readString(teams).replace("name VARCHAR(100)", "name VARCHAR(200)"));
		Result changed = this.cli.run("validate");
		assertThat(changed.exitCode()).isEqualTo(1);
		assertThat(changed.out()).startsWith(TEAMS + " (").contains("applied with checksum");
		assertThat(changed.err()).startsWith("FAILED: 1 applied revision(s) changed").hasLineCount(1);
	}

	@Test
	void checkWithoutATargetSchemaFileSaysWhereItLooked() {
		this.cli.run("upgrade", "heads");
		Result check = this.cli.run("check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out()).isEmpty();
		assertThat(check.err()).startsWith("FAILED: Target schema file '")
			.contains("schema.sql' does not exist")
			.hasLineCount(1);
	}

	@Test
	void initCreatesTheDirectoryOnce() {
		Path target = this.directory.resolve("db/revisions");
		Result result = this.cli.run("init", target.toString());
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Creating directory " + target + " ... done\n");
		assertThat(target).isEmptyDirectory();
		assertThat(this.cli.run("init", target.toString()).exitCode()).isZero();
		Result refused = this.cli.run("init", this.cli.revisions.toString());
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).isEqualTo("FAILED: Directory '" + this.cli.revisions
				+ "' already exists and is not empty. Nothing was created.\n");
	}

	@Test
	void revisionWritesAFileAfterTheHead() throws IOException {
		Result result = this.cli.run("revision", "-m", "Add bio, & avatar!");
		assertThat(result.exitCode()).isZero();
		Path file = onlyNewFile();
		assertThat(file.getFileName().toString()).matches("[0-9a-f]{12}_add_bio____avatar_\\.sql");
		assertThat(result.out()).isEqualTo("Generating " + file + " ... done\n");
		String id = file.getFileName().toString().substring(0, 12);
		assertThat(Files.readString(file))
			.startsWith("-- revision: " + id + "\n-- down_revision: " + POSTS
					+ "\n-- message: Add bio, & avatar!\n-- created: ")
			.endsWith("\n\n-- upgrade\n\n-- downgrade\n");
		assertThat(this.cli.run("heads").out()).isEqualTo(id + " (head)\n");
	}

	@Test
	void revisionWithIdLabelDependencyAndHead() throws IOException {
		Result result = this.cli.run("revision", "-m", "Audit", "--rev-id", "audit1", "--head", "base",
				"--branch-label", "audit", "--depends-on", "1a2b");
		assertThat(result.exitCode()).isZero();
		Path file = this.cli.revisions.resolve("audit1_audit.sql");
		assertThat(Files.readString(file)).contains("-- down_revision: none\n")
			.contains("-- branch_labels: audit\n")
			.contains("-- depends_on: " + USERS + "\n");
		assertThat(this.cli.run("history").lines()).contains("<base> (" + USERS + ") -> audit1 (head) (audit), Audit");
		assertThat(this.cli.run("revision", "-m", "Again", "--rev-id", "audit1", "--head", "audit@head").exitCode())
			.isEqualTo(1);
		assertThat(this.cli.run("revision", "-m", "Bad id", "--rev-id", "no-dashes", "--head", "audit1").exitCode())
			.isEqualTo(2);
	}

	@Test
	void revisionRefusesSeveralHeadsUnlessOneIsGiven() {
		this.cli.write("b1_side.sql", Cli.revision("b1", EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		Result refused = this.cli.run("revision", "-m", "Next");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.out()).isEmpty();
		assertThat(refused.err()).startsWith("FAILED: Multiple heads are present: ").contains("--head").hasLineCount(1);
		Result chosen = this.cli.run("revision", "-m", "Next", "--head", "b1", "--rev-id", "c1");
		assertThat(chosen.exitCode()).isZero();
		assertThat(this.cli.run("heads").lines()).containsExactlyInAnyOrder(POSTS + " (head)", "c1 (head)");
	}

	@Test
	void mergeJoinsHeads() {
		this.cli.write("b1_side.sql", Cli.revision("b1", EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		Result result = this.cli.run("merge", "-m", "Join", "--rev-id", "m1", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Generating " + this.cli.revisions.resolve("m1_join.sql") + " ... done\n");
		assertThat(this.cli.run("history").lines()).first().isEqualTo(POSTS + ", b1 -> m1 (head) (mergepoint), Join");
		Result upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.lines()).last().isEqualTo("Running upgrade " + POSTS + ", b1 -> m1, Join");
		Result single = this.cli.run("merge", "-m", "Alone", "m1");
		assertThat(single.exitCode()).isEqualTo(1);
		assertThat(single.err()).startsWith("FAILED: A merge joins at least two revisions");
	}

	@Test
	void downgradeFromTwoHeadsNeedsAnId() {
		this.cli.write("b1_side.sql", Cli.revision("b1", EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		this.cli.run("upgrade", "heads");
		Result result = this.cli.run("downgrade", "-1");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ").contains("several current revisions").hasLineCount(1);
		Result named = this.cli.run("downgrade", EMAIL);
		assertThat(named.exitCode()).isZero();
		assertThat(named.lines()).containsExactly("Running downgrade b1 -> " + EMAIL + ", Side branch",
				"Running downgrade " + POSTS + " -> " + TEAMS + ", Create posts",
				"Running downgrade " + TEAMS + " -> " + EMAIL + ", Create teams");
		assertThat(this.cli.run("current").lines()).containsExactly(EMAIL);
	}

	@Test
	void offlineScriptNeedsADialectWithoutUrl() {
		this.cli.environment.remove("MIGRATIONS_URL");
		Result result = this.cli.run("upgrade", "--sql", "base:heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: An offline script needs --dialect");
		Result unknown = this.cli.run("upgrade", "--sql", "base:heads", "--dialect", "mysql");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).isEqualTo("FAILED: Unknown --dialect 'mysql': use postgresql or sqlite.\n");
		Result online = this.cli.run("upgrade", "--sql", "heads");
		assertThat(online.exitCode()).isEqualTo(2);
	}

	@Test
	void sqlWithADatabaseStartsFromItsCurrentRevision() {
		this.cli.run("upgrade", TEAMS);
		Result result = this.cli.run("upgrade", "--sql", "heads");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("-- Running upgrade " + TEAMS + " -> " + POSTS + ", Create posts")
			.doesNotContain("Create teams");
		assertThat(this.database.tables()).doesNotContain("posts");
	}

	private Path onlyNewFile() throws IOException {
		try (Stream<Path> files = Files.list(this.cli.revisions)) {
			List<Path> added = files.filter(file -> !file.getFileName().toString().matches("(1a2b|9a8b|3f1c|7d2e).*"))
				.toList();
			assertThat(added).hasSize(1);
			return added.get(0);
		}
	}

}
