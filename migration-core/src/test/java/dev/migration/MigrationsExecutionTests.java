package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migration.support.DatabaseTests;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Upgrade, downgrade, stamp, failures and validation against a real database. Each
 * subclass names the database.
 */
abstract class MigrationsExecutionTests extends DatabaseTests {

	MigrationsExecutionTests() {
		super(true);
	}

	static final String USERS = "1a2b3c4d5e6f";

	static final String VERIFICATION = "9a8b7c6d5e4f";

	static final String TEAMS = "3f1c2a9b7d10";

	static final String POSTS = "7d2e41c0b9aa";

	static final List<String> CHAIN = List.of(USERS, VERIFICATION, TEAMS, POSTS);

	List<String> historyOf(String direction) {
		return this.database.queryStrings(
				"SELECT revision FROM migration_history WHERE direction = ? AND success = ? ORDER BY id", direction,
				true);
	}

	void writeRevision(String name, String content) throws IOException {
		Files.writeString(this.revisions.resolve(name), content);
	}

	/**
	 * Upgrades from {@link #POSTS} to heads, where a revision fails: checks that the
	 * failure says the database is still at POSTS and that it is, with the schema it had.
	 * @return the failure, for the test's own checks
	 */
	RevisionFailedException upgradeFailsAndStaysAtPosts(Migrations migrations) {
		List<String> schemaBefore = this.database.schema();
		RevisionFailedException failure = catchThrowableOfType(RevisionFailedException.class,
				() -> migrations.upgrade("heads"));
		assertThat(failure).hasMessageContaining("still at " + POSTS);
		assertThat(migrations.current()).containsExactly(POSTS);
		assertThat(this.database.schema()).isEqualTo(schemaBefore);
		return failure;
	}

	@Test
	void upgradeHeadsCreatesTheTablesAndAppliesEveryRevisionInOrder() {
		MigrationResult result = migrations().upgrade("heads");

		assertThat(result.steps()).extracting(Step::revision).containsExactlyElementsOf(CHAIN);
		assertThat(result.currentRows()).containsExactly(POSTS);
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);
		assertThat(this.database.tables()).containsExactly("posts", "team_members", "teams", "users");
		assertThat(historyOf("upgrade")).containsExactlyElementsOf(CHAIN);
		assertThat(this.database.queryStrings("SELECT name FROM teams")).containsExactly("Core; the first team");
	}

	@Test
	void theUpgradeSummaryNamesTheDatabaseItsRevisionAndTheStepsAlsoWhenNoneRan() {
		Migrations migrations = migrations();
		String first = migrations.upgradeSummary("heads", migrations.upgrade(TEAMS), Duration.ofMillis(7));
		String again = migrations.upgradeSummary(TEAMS, migrations.upgrade(TEAMS), Duration.ZERO);

		assertThat(first).isEqualTo("Upgrade to 'heads' finished: " + migrations.database() + " is at revision " + TEAMS
				+ ", 3 steps ran in 7 ms");
		assertThat(again).endsWith(" is at revision " + TEAMS + ", 0 steps ran in 0 ms");
	}

	@Test
	void upgradeAtHeadsRunsNothingAndWritesNoHistory() {
		migrations().upgrade("heads");

		MigrationResult again = migrations().upgrade("heads");

		assertThat(again.steps()).isEmpty();
		assertThat(this.database.count("SELECT COUNT(*) FROM migration_history")).isEqualTo(4);
	}

	@Test
	void historyRowsCarryChecksumUserDurationAndDownRevisions() {
		Migrations migrations = migrations();
		migrations.upgrade(VERIFICATION);

		List<HistoryEntry> history = migrations.history(10);

		assertThat(history).hasSize(2);
		HistoryEntry latest = history.get(0);
		assertThat(latest.revision()).isEqualTo(VERIFICATION);
		assertThat(latest.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(latest.downRevisions()).containsExactly(USERS);
		assertThat(latest.message()).isEqualTo("Add email verification");
		assertThat(latest.checksum()).isEqualTo(migrations.revision(VERIFICATION).checksum()).hasSize(64);
		assertThat(latest.appliedAt()).isNotNull();
		assertThat(latest.appliedBy()).isNotBlank();
		assertThat(latest.success()).isTrue();
		assertThat(history.get(1).downRevisions()).isEmpty();
	}

	@Test
	void stairwayUpAndDownLeavesTheSameSchemaAtEveryRevision() {
		Migrations migrations = migrations();
		List<List<String>> schemas = new ArrayList<>();
		schemas.add(this.database.schema());
		for (String revision : CHAIN) {
			MigrationResult result = migrations.upgrade("+1");
			assertThat(result.currentRows()).containsExactly(revision);
			schemas.add(this.database.schema());
		}
		for (int i = CHAIN.size() - 1; i >= 0; i--) {
			MigrationResult result = migrations.downgrade("-1");
			assertThat(result.currentRows()).isEqualTo((i == 0) ? List.of() : List.of(CHAIN.get(i - 1)));
			assertThat(this.database.schema()).isEqualTo(schemas.get(i));
		}
		assertThat(this.database.tables()).isEmpty();
		migrations.upgrade("heads");
		assertThat(this.database.schema()).isEqualTo(schemas.get(CHAIN.size()));
	}

	@Test
	void downgradeToARevisionRevertsOnlyWhatIsAboveIt() {
		Migrations migrations = migrations();
		migrations.upgrade("heads");

		MigrationResult result = migrations.downgrade(VERIFICATION);

		assertThat(result.steps()).extracting(Step::revision).containsExactly(POSTS, TEAMS);
		assertThat(migrations.current()).containsExactly(VERIFICATION);
		assertThat(this.database.tables()).containsExactly("users");
		assertThat(historyOf("downgrade")).containsExactly(POSTS, TEAMS);
	}

	@Test
	void downgradeKeepsTheDataOfRevisionsBelowTheTarget() {
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		this.database.execute("INSERT INTO users (id, username, email) VALUES (1, 'ada', 'ada@example.com')");

		migrations.downgrade(VERIFICATION);

		assertThat(this.database.queryStrings("SELECT username FROM users")).containsExactly("ada");
	}

	@Test
	void stampSetsTheVersionWithoutRunningAnything() {
		Migrations migrations = migrations();

		MigrationResult result = migrations.stamp(List.of(TEAMS), false);

		assertThat(result.currentRows()).containsExactly(TEAMS);
		assertThat(this.database.tables()).isEmpty();
		assertThat(this.database.queryStrings("SELECT revision FROM migration_history WHERE direction = 'stamp'"))
			.containsExactly(TEAMS);
	}

	/**
	 * An "audit" branch off VERIFICATION, beside the chain's TEAMS and POSTS; with
	 * {@code merge}, a merge of both.
	 */
	void writeAuditBranch(boolean merge) throws IOException {
		writeRevision("a1a1a1a1a1a1_audit_log.sql", """
				-- revision: a1a1a1a1a1a1
				-- down_revision: 9a8b7c6d5e4f
				-- message: Audit log
				-- branch_labels: audit

				-- upgrade
				CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entry VARCHAR(200) NOT NULL);

				-- downgrade
				DROP TABLE audit_log;
				""");
		writeRevision("a2a2a2a2a2a2_audit_index.sql", """
				-- revision: a2a2a2a2a2a2
				-- down_revision: a1a1a1a1a1a1
				-- message: Audit index

				-- upgrade
				CREATE INDEX audit_log_entry ON audit_log (entry);

				-- downgrade
				DROP INDEX audit_log_entry;
				""");
		if (merge) {
			writeRevision("abababababab_join.sql", """
					-- revision: abababababab
					-- down_revision: 7d2e41c0b9aa, a2a2a2a2a2a2
					-- message: Join posts and audit

					-- upgrade

					-- downgrade
					""");
		}
	}

	@Test
	void branchScopedDowngradeRevertsOnlyThatBranch() throws IOException {
		writeAuditBranch(false);
		Migrations migrations = migrations();
		migrations.upgrade("heads");

		MigrationResult result = migrations.downgrade("audit@" + VERIFICATION);

		assertThat(result.steps()).extracting(Step::revision).containsExactly("a2a2a2a2a2a2", "a1a1a1a1a1a1");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);
		assertThat(this.database.tables()).containsExactly("posts", "team_members", "teams", "users");
	}

	@Test
	void stampBelowAMergeLeavesOnlyTheStampedRevisionsRow() throws IOException {
		writeAuditBranch(true);
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version"))
			.containsExactly("abababababab");

		migrations.stamp(List.of(TEAMS), false);

		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(TEAMS);
		assertThat(this.database.tables()).contains("audit_log", "posts");
	}

	@Test
	void stampBaseEmptiesTheVersionTable() {
		Migrations migrations = migrations();
		migrations.upgrade("heads");

		migrations.stamp(List.of("base"), false);

		assertThat(migrations.current()).isEmpty();
		assertThat(this.database.tables()).hasSize(4);
	}

	@Test
	void failingStatementLeavesTheDatabaseAtThePreviousRevisionWithItsData() throws IOException {
		writeRevision("e5f6a7b8c9d0_broken.sql", """
				-- revision: e5f6a7b8c9d0
				-- down_revision: 7d2e41c0b9aa
				-- message: Broken

				-- upgrade
				CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY);
				UPDATE users SET username = 'changed';
				INSERT INTO no_such_table VALUES (1);

				-- downgrade
				DROP TABLE audit;
				""");
		Migrations migrations = migrations();
		migrations.upgrade(POSTS);
		this.database.execute("INSERT INTO users (id, username, email) VALUES (1, 'ada', 'ada@example.com')");

		RevisionFailedException failure = upgradeFailsAndStaysAtPosts(migrations);
		assertThat(failure.revision()).isEqualTo("e5f6a7b8c9d0");
		assertThat(failure.line()).isEqualTo(8);
		assertThat(failure.location()).endsWith("e5f6a7b8c9d0_broken.sql");
		assertThat(failure).hasMessageContaining("e5f6a7b8c9d0")
			.hasMessageContaining("line 8")
			.hasMessageContaining("no_such_table")
			.hasMessageContaining("rolled back");
		assertThat(this.database.queryStrings("SELECT username FROM users")).containsExactly("ada");
		assertThat(this.database.queryStrings("SELECT revision FROM migration_history WHERE success = ? ORDER BY id",
				false))
			.containsExactly("e5f6a7b8c9d0");
	}

	@Test
	void aNonTransactionalDowngradeThatFailsHalfWayIsMarkedUntilAStampToWhereItWouldHaveGone() throws IOException {
		writeTwoTables("CREATE TABLE first_half (id INTEGER);\nCREATE TABLE second_half (id INTEGER);\n",
				"DROP TABLE first_half;\nDROP TABLE no_such_table;\nDROP TABLE second_half;\n");
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		assertThat(this.database.queryStrings("SELECT duration_ms >= 0 FROM migration_history WHERE revision = ?",
				"d1d1d1d1d1d1"))
			.as("the claim completed: one row, with its duration")
			.hasSize(1);

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.downgrade("-1"))
			.withMessageContaining("no_such_table")
			.withMessageContaining("not transactional")
			.withMessageContaining("'stamp d1d1d1d1d1d1' if you undid what it did")
			.withMessageContaining("'stamp " + POSTS + "' if you completed it")
			.withMessageNotContaining("rolled back");
		assertThat(this.database.tables()).doesNotContain("first_half").contains("second_half");
		assertThat(migrations.unfinished()).singleElement().satisfies((unfinished) -> {
			assertThat(unfinished.direction()).isEqualTo(Direction.DOWNGRADE);
			assertThat(unfinished.failed()).isTrue();
			assertThat(unfinished.stampIfCompleted()).containsExactly(POSTS);
		});
		assertThatExceptionOfType(UnfinishedRevisionException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("d1d1d1d1d1d1 (downgrade, not transactional)")
			.withMessageContaining("Nothing was run");

		// completed by hand, then stamped to where the downgrade would have gone
		this.database.execute("DROP TABLE second_half");
		migrations.stamp(List.of(POSTS), false);
		assertThat(migrations.unfinished()).isEmpty();
		assertThat(migrations.current()).containsExactly(POSTS);
		assertThat(migrations.upgrade("heads").steps()).extracting(Step::revision).containsExactly("d1d1d1d1d1d1");
	}

	@Test
	void modifiedAppliedRevisionIsCaughtByValidationAndStopsTheUpgrade() throws IOException {
		migrations().upgrade(TEAMS);
		Path file = this.revisions.resolve("9a8b7c6d5e4f_add_email_verification.sql");
		Files.writeString(file, Files.readString(file).replace("DEFAULT FALSE", "DEFAULT TRUE"));
		Migrations changed = migrations();

		assertThat(changed.validate()).singleElement()
			.satisfies((mismatch) -> assertThat(mismatch.revision()).isEqualTo(VERIFICATION));
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> changed.upgrade("heads"))
			.withMessageContaining(VERIFICATION)
			.withMessageContaining("9a8b7c6d5e4f_add_email_verification.sql");
		assertThat(changed.current()).containsExactly(TEAMS);
	}

	@Test
	void whitespaceAtLineEndsDoesNotCountAsAModification() throws IOException {
		migrations().upgrade("heads");
		Path file = this.revisions.resolve("9a8b7c6d5e4f_add_email_verification.sql");
		Files.writeString(file, Files.readString(file).replace("\n", "  \r\n"));

		assertThat(migrations().validate()).isEmpty();
	}

	@Test
	void checksumValidationCanBeSwitchedOff() throws IOException {
		migrations().upgrade(TEAMS);
		Path file = this.revisions.resolve("9a8b7c6d5e4f_add_email_verification.sql");
		Files.writeString(file, Files.readString(file).replace("DEFAULT FALSE", "DEFAULT TRUE"));

		MigrationResult result = migrations(MigrationConfiguration.builder().validateChecksums(false)).upgrade("heads");

		assertThat(result.currentRows()).containsExactly(POSTS);
	}

	@Test
	void unknownRevisionInTheDatabaseIsRefusedAndNothingRuns() {
		Migrations migrations = migrations();
		migrations.upgrade(USERS);
		this.database.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");

		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("ffffffffffff")
			.satisfies((failure) -> assertThat(failure.revisions()).containsExactly("ffffffffffff"));
		assertThat(this.database.tables()).containsExactly("users");
	}

	@Test
	void unknownRevisionsCanBeIgnoredForUpgrade() {
		migrations().upgrade(USERS);
		this.database.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");

		MigrationResult result = migrations(MigrationConfiguration.builder().ignoreUnknownRevisions(true))
			.upgrade("heads");

		assertThat(result.steps()).isEmpty();
		assertThat(this.database.tables()).containsExactly("users");
	}

	@Test
	void stampWithPurgeReplacesUnknownRows() {
		Migrations migrations = migrations();
		migrations.upgrade(USERS);
		this.database.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");

		migrations.stamp(List.of(USERS), true);

		assertThat(migrations.current()).containsExactly(USERS);
	}

	@Test
	void irreversibleRevisionRefusesTheDowngradeBeforeAnythingRuns() throws IOException {
		writeRevision("aaaaaaaaaaaa_irreversible.sql", """
				-- revision: aaaaaaaaaaaa
				-- down_revision: 7d2e41c0b9aa
				-- message: Drop old data

				-- upgrade
				DELETE FROM teams;
				""");
		Migrations migrations = migrations();
		migrations.upgrade("heads");

		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> migrations.downgrade(VERIFICATION))
			.withMessageContaining("aaaaaaaaaaaa");
		assertThat(migrations.current()).containsExactly("aaaaaaaaaaaa");
		assertThat(this.database.tables()).contains("posts", "teams");
	}

	@Test
	void downgradeToARevisionThatIsNotAppliedIsRefused() {
		Migrations migrations = migrations();
		migrations.upgrade(USERS);

		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> migrations.downgrade(POSTS))
			.withMessageContaining("not applied");
		assertThat(migrations.current()).containsExactly(USERS);
	}

	@Test
	void javaRevisionsJoinTheGraphAndRunSql() {
		JavaRevision backfill = TestRevision.executing("java00000001", POSTS, "Backfill a team",
				"INSERT INTO teams (id, name) VALUES (2, 'From Java')", "DELETE FROM teams WHERE id = 2");
		Migrations migrations = migrations(MigrationConfiguration.builder().javaRevisions(backfill));

		migrations.upgrade("heads");
		assertThat(this.database.queryStrings("SELECT name FROM teams ORDER BY id"))
			.containsExactly("Core; the first team", "From Java");
		migrations.downgrade("-1");
		assertThat(this.database.queryStrings("SELECT name FROM teams")).containsExactly("Core; the first team");
		assertThat(migrations.current()).containsExactly(POSTS);
	}

	@Test
	void failingJavaRevisionRollsBackItsStep() {
		JavaRevision failing = TestRevision.of("java00000002", POSTS, (operations) -> {
			operations.execute("INSERT INTO teams (id, name) VALUES (3, 'Half done')");
			throw new IllegalStateException("backfill found a duplicate");
		});
		Migrations migrations = migrations(MigrationConfiguration.builder().javaRevisions(failing));

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("java00000002")
			.withMessageContaining("backfill found a duplicate");
		assertThat(migrations.current()).containsExactly(POSTS);
		assertThat(this.database.queryStrings("SELECT name FROM teams")).containsExactly("Core; the first team");
	}

	@Test
	void executingAPlanRefusesWhenTheDatabaseMovedSinceItWasMade() {
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		Plan plan = migrations.plan(Direction.DOWNGRADE, List.of("-1"));
		migrations.downgrade("-1");

		assertThatExceptionOfType(ConcurrentChangeException.class).isThrownBy(() -> migrations.execute(plan, "ops"))
			.withMessageContaining(TEAMS);
		assertThat(migrations.current()).containsExactly(TEAMS);
	}

	@Test
	void twoCallsExecutingTheSamePlanAtOnceRunItOnce() throws Exception {
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		Plan plan = migrations.plan(Direction.DOWNGRADE, List.of("-1"));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<MigrationResult>> calls = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Migrations caller = migrations();
				calls.add(pool.submit(() -> {
					go.await();
					return caller.execute(plan, "operator");
				}));
			}
			go.countDown();
			int succeeded = 0;
			int refused = 0;
			for (java.util.concurrent.Future<MigrationResult> call : calls) {
				try {
					call.get(60, java.util.concurrent.TimeUnit.SECONDS);
					succeeded++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(ConcurrentChangeException.class);
					refused++;
				}
			}
			assertThat(succeeded).isEqualTo(1);
			assertThat(refused).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(migrations.current()).containsExactly(TEAMS);
		assertThat(historyOf("downgrade")).containsExactly(POSTS);
	}

	@Test
	void executingAPlanRecordsWhoRanIt() {
		Migrations migrations = migrations();
		migrations.upgrade("heads");
		Plan plan = migrations.plan(Direction.DOWNGRADE, List.of("-1"));

		migrations.execute(plan, "alice");

		assertThat(migrations.current()).containsExactly(TEAMS);
		assertThat(migrations.history(1).get(0).appliedBy()).isEqualTo("alice");
	}

	@Test
	void tablesCanBeRenamed() {
		Migrations migrations = migrations(
				MigrationConfiguration.builder().versionTable("schema_heads").historyTable("schema_log"));

		migrations.upgrade(USERS);

		assertThat(this.database.queryStrings("SELECT version_num FROM schema_heads")).containsExactly(USERS);
		assertThat(this.database.count("SELECT COUNT(*) FROM schema_log")).isEqualTo(1);
	}

	@Test
	void readsOfAnEmptyDatabaseCreateNothing() {
		Migrations migrations = migrations();

		assertThat(migrations.current()).isEmpty();
		assertThat(migrations.history(10)).isEmpty();
		assertThat(migrations.validate()).isEmpty();
		assertThat(this.database.schema()).isEmpty();
	}

}
