package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.Direction;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.Step;
import dev.migration.UnfinishedRevisionException;
import dev.migration.support.TestDatabase;
import dev.migration.support.UpgradeMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Process-level chaos against a real database: processes killed with {@code kill -9} in
 * the middle of a revision, eight JVMs started at once, and a process stuck while it
 * holds the migration lock. Each child is a separate JVM on the test classpath; the
 * parent learns that a child is inside its revision from a marker file, never from a
 * sleep.
 */
abstract class ProcessChaosTests {

	/**
	 * Long enough that a test which waited for it would blow the time limits asserted
	 * below.
	 */
	static final long LONG_LOCK_TIMEOUT_MILLIS = 60_000;

	static final long SHORT_LOCK_TIMEOUT_MILLIS = 1_500;

	static final List<String> SEED = List.of("1a2b3c4d5e6f", "9a8b7c6d5e4f", "3f1c2a9b7d10", ChaosMain.SEED_HEAD);

	@TempDir
	Path temporary;

	private final List<Process> children = new ArrayList<>();

	abstract TestDatabase newDatabase();

	/** A URL that the holder of a lock uses, so that messages about it can name it. */
	abstract String holderUrl(TestDatabase database);

	/** What a lock timeout message says about the holder in {@code database}. */
	abstract List<String> holderDescription(TestDatabase database, Process holder);

	@AfterEach
	void killLeftoverChildren() throws InterruptedException {
		for (Process child : this.children) {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void killedInTheMiddleOfARevisionLeavesThePreviousRevisionAndTheNextProcessDoesNotWait() throws Exception {
		TestDatabase database = newDatabase();
		Path marker = this.temporary.resolve("inside");
		Child holder = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "block", marker);
		awaitMarker(marker, holder);

		holder.process().destroyForcibly();
		assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertVersionRows(database, ChaosMain.SEED_HEAD);
		assertThat(database.tables()).doesNotContain("half_done");
		assertThat(database.queryStrings("SELECT revision FROM migration_history WHERE revision = ?",
				ChaosMain.LONG_REVISION))
			.isEmpty();

		Child next = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "run", marker);
		String output = next.awaitExit(0);
		assertThat(output).contains("applied 1 in ");
		assertThat(upgradeMillis(output)).as(output).isLessThan(LONG_LOCK_TIMEOUT_MILLIS / 4);
		assertVersionRows(database, ChaosMain.LONG_REVISION);
		assertThat(
				database.queryStrings("SELECT revision FROM migration_history WHERE direction = 'upgrade' ORDER BY id"))
			.containsExactlyElementsOf(concat(SEED, ChaosMain.LONG_REVISION));
		assertThat(database.tables()).contains("half_done");
	}

	@Test
	void killedDuringALongServerStatementTheNextProcessDoesNotWaitForTheStatement() throws Exception {
		TestDatabase database = newDatabase();
		assumeTrue(database.kind().equals("postgresql"), "a statement that outlives its client is PostgreSQL's");
		Path marker = this.temporary.resolve("inside");
		Child holder = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "server-sleep", marker);
		awaitMarker(marker, holder);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (database
			.queryStrings(
					"SELECT pid FROM pg_stat_activity WHERE state = 'active' " + "AND query = 'SELECT pg_sleep(20)'")
			.isEmpty()) {
			assertThat(System.nanoTime() - deadline).as("the long statement started").isNegative();
			Thread.onSpinWait();
		}

		holder.process().destroyForcibly();
		assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "run", marker).awaitExit(0);

		// the server notices the dead client within a second
		// (client_connection_check_interval), not after 20 s
		assertThat(upgradeMillis(output)).as(output).isLessThan(10_000);
		assertVersionRows(database, ChaosMain.LONG_REVISION);
	}

	@Test
	void eightJvmsStartedAtOnceOnAFreshDatabaseAllEndAtHeadsWithEachRevisionAppliedOnce() throws Exception {
		TestDatabase database = newDatabase();
		List<String> generated = writeRevisions(this.temporary.resolve("revisions"), 20);
		List<Child> upgraders = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			upgraders.add(start(UpgradeMain.class.getName(), database.url(), nullToEmpty(database.user()),
					nullToEmpty(database.password()), "filesystem:" + this.temporary.resolve("revisions")));
		}
		int applied = appliedByAll(upgraders);

		assertThat(applied).isEqualTo(generated.size());
		assertThat(database
			.queryStrings("SELECT revision FROM migration_history WHERE direction = 'upgrade' AND success ORDER BY id"))
			.containsExactlyElementsOf(generated);
		assertThat(database.count("SELECT count(*) FROM migration_history")).isEqualTo(generated.size());
		assertVersionRows(database, generated.get(generated.size() - 1));
		assertThat(database.tables()).hasSize(generated.size());
	}

	@Test
	void aStuckHolderMakesOthersFailAfterTheLockTimeoutNamingItAndAKillFreesTheDatabase() throws Exception {
		TestDatabase database = newDatabase();
		Path marker = this.temporary.resolve("inside");
		Child holder = chaos(holderUrl(database), database, LONG_LOCK_TIMEOUT_MILLIS, "block", marker);
		awaitMarker(marker, holder);

		List<Child> waiters = List.of(
				chaos(database.url(), database, SHORT_LOCK_TIMEOUT_MILLIS, "run", this.temporary.resolve("unused")),
				chaos(database.url(), database, SHORT_LOCK_TIMEOUT_MILLIS, "run", this.temporary.resolve("unused")));
		List<String> holderDescription = holderDescription(database, holder.process());
		for (Child waiter : waiters) {
			String output = waiter.awaitExit(3);
			assertThat(output).contains("LOCK TIMEOUT after ");
			assertThat(upgradeMillis(output)).as(output).isGreaterThanOrEqualTo(SHORT_LOCK_TIMEOUT_MILLIS);
			// one timeout, not two: a lock timeout writes no failed-step row, which would
			// wait for the lock again
			assertThat(output.split("LOCK TIMEOUT after ", -1)).as(output).hasSize(2);
			assertThat(output).contains(holderDescription);
		}
		assertThat(holder.process().isAlive()).isTrue();
		assertVersionRows(database, ChaosMain.SEED_HEAD);
		assertThat(database.count("SELECT count(*) FROM migration_history WHERE NOT success")).isZero();

		holder.process().destroyForcibly();
		assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		String after = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "run", marker).awaitExit(0);
		assertThat(upgradeMillis(after)).as(after).isLessThan(LONG_LOCK_TIMEOUT_MILLIS / 4);
		assertVersionRows(database, ChaosMain.LONG_REVISION);
	}

	@Test
	void fourJvmsUpgradingAtOnceRunANonTransactionalRevisionExactlyOnce() throws Exception {
		TestDatabase database = newDatabase();
		database.execute("CREATE TABLE chaos_runs (pid BIGINT)");
		List<Child> upgraders = new ArrayList<>();
		List<Path> markers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			markers.add(this.temporary.resolve("inside-" + i));
			upgraders.add(chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-wait", markers.get(i)));
		}
		// each child is either inside the revision (its marker) or says that it waits for
		// the one that is
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (true) {
			int settled = 0;
			for (int i = 0; i < upgraders.size(); i++) {
				Child upgrader = upgraders.get(i);
				if (!upgrader.process().isAlive()) {
					throw new AssertionError("A child ended before the revision was released:\n" + upgrader.output());
				}
				if (Files.exists(markers.get(i)) || upgrader.output().contains("Waiting for")) {
					settled++;
				}
			}
			if (settled == upgraders.size()) {
				break;
			}
			assertThat(System.nanoTime() - deadline).as("every child settled within 90 s").isNegative();
			Thread.onSpinWait();
		}
		Files.writeString(this.temporary.resolve("release"), "go");

		int applied = appliedByAll(upgraders);
		assertThat(bodyRuns(database)).as("runs of the revision's body").isEqualTo(1);
		assertThat(applied).isEqualTo(SEED.size() + 2);
		assertThat(database.queryStrings("SELECT success FROM migration_history WHERE revision = ?",
				ChaosMain.LONG_REVISION))
			.hasSize(1);
		assertVersionRows(database, ChaosMain.NEXT_REVISION);
	}

	@Test
	void killedInsideANonTransactionalRevisionLeavesAMarkThatEveryCommandReportsUntilAStamp() throws Exception {
		TestDatabase database = newDatabase();
		database.execute("CREATE TABLE chaos_runs (pid BIGINT)");
		Path marker = this.temporary.resolve("inside");
		Child holder = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-block", marker);
		awaitMarker(marker, holder);
		holder.process().destroyForcibly();
		assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bodyRuns(database)).isEqualTo(1);

		Migrations migrations = ChaosMain.migrations(database.url(), database.user(), database.password(),
				SHORT_LOCK_TIMEOUT_MILLIS, "nt-run", marker);
		assertThat(migrations.unfinished()).singleElement().satisfies((unfinished) -> {
			assertThat(unfinished.revision()).isEqualTo(ChaosMain.LONG_REVISION);
			assertThat(unfinished.direction()).isEqualTo(Direction.UPGRADE);
			assertThat(unfinished.failed()).isFalse();
			assertThat(unfinished.startedAt()).isNotNull();
		});
		assertThat(migrations.current()).containsExactly(ChaosMain.SEED_HEAD);
		assertThat(migrations.history(1)).singleElement().satisfies((entry) -> {
			assertThat(entry.revision()).isEqualTo(ChaosMain.LONG_REVISION);
			assertThat(entry.success()).isFalse();
		});

		// another process refuses, naming the revision and the way out; nothing runs
		// again
		String refused = chaos(database.url(), database, SHORT_LOCK_TIMEOUT_MILLIS, "nt-run", marker).awaitExit(1);
		assertThat(refused)
			.contains("FAILED: ", ChaosMain.LONG_REVISION, "stamp " + ChaosMain.SEED_HEAD,
					"stamp " + ChaosMain.LONG_REVISION)
			.doesNotContain("rolled back");
		assertThatExceptionOfType(UnfinishedRevisionException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining(ChaosMain.LONG_REVISION);
		assertThatExceptionOfType(UnfinishedRevisionException.class).isThrownBy(() -> migrations.downgrade("-1"))
			.withMessageContaining(ChaosMain.LONG_REVISION);
		assertThat(bodyRuns(database)).isEqualTo(1);
		assertThat(migrations.current()).containsExactly(ChaosMain.SEED_HEAD);

		// the operator undoes what it did and stamps the revision the database is at:
		// that clears the mark
		database.execute("DELETE FROM chaos_runs");
		migrations.stamp(List.of(ChaosMain.SEED_HEAD), false);
		assertThat(migrations.unfinished()).isEmpty();
		assertThat(migrations.upgrade("heads").steps()).extracting(Step::revision)
			.containsExactly(ChaosMain.LONG_REVISION, ChaosMain.NEXT_REVISION);
		assertThat(bodyRuns(database)).isEqualTo(1);
	}

	@Test
	void killedInsideANonTransactionalRevisionOnAnAlembicDatabaseLeavesAMarkInTheHistoryTableItCreated()
			throws Exception {
		TestDatabase database = newDatabase();
		// the seed's schema as Alembic leaves it: alembic_version with the head's row, no
		// history table
		Migrations
			.create(MigrationConfiguration.builder()
				.url(database.url())
				.user(database.user())
				.password(database.password())
				.locations("classpath:db/seed")
				.versionTable("scratch_version")
				.historyTable("scratch_history")
				.build())
			.upgrade("heads");
		database.execute("DROP TABLE scratch_version");
		database.execute("DROP TABLE scratch_history");
		database.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		database.execute("INSERT INTO alembic_version VALUES ('" + ChaosMain.SEED_HEAD + "')");
		database.execute("CREATE TABLE chaos_runs (pid BIGINT)");
		Path marker = this.temporary.resolve("inside");

		Child holder = start(ChaosMain.class.getName(), database.url(), nullToEmpty(database.user()),
				nullToEmpty(database.password()), Long.toString(LONG_LOCK_TIMEOUT_MILLIS), "nt-block",
				marker.toString(), "alembic_version");
		awaitMarker(marker, holder);
		holder.process().destroyForcibly();
		assertThat(holder.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

		Migrations migrations = ChaosMain.migrations(database.url(), database.user(), database.password(),
				SHORT_LOCK_TIMEOUT_MILLIS, "nt-run", marker, "alembic_version");
		assertThat(migrations.unfinished()).singleElement().satisfies((unfinished) -> {
			assertThat(unfinished.revision()).isEqualTo(ChaosMain.LONG_REVISION);
			assertThat(unfinished.failed()).isFalse();
		});
		assertThat(migrations.current()).containsExactly(ChaosMain.SEED_HEAD);
		String refused = start(ChaosMain.class.getName(), database.url(), nullToEmpty(database.user()),
				nullToEmpty(database.password()), Long.toString(SHORT_LOCK_TIMEOUT_MILLIS), "nt-run", marker.toString(),
				"alembic_version")
			.awaitExit(1);
		assertThat(refused).contains("FAILED: ", ChaosMain.LONG_REVISION, "stamp " + ChaosMain.SEED_HEAD);
		assertThat(bodyRuns(database)).as("runs of the revision's body").isEqualTo(1);

		database.execute("DELETE FROM chaos_runs");
		migrations.stamp(List.of(ChaosMain.SEED_HEAD), false);
		assertThat(migrations.upgrade("heads").steps()).extracting(Step::revision)
			.containsExactly(ChaosMain.LONG_REVISION, ChaosMain.NEXT_REVISION);
		assertThat(database.queryStrings("SELECT version_num FROM alembic_version"))
			.containsExactly(ChaosMain.NEXT_REVISION);
	}

	@Test
	void aHolderWhoseLockSessionIsTerminatedStopsBeforeItsNextStepAndNobodyRunsItsRevisionAgain() throws Exception {
		TestDatabase database = newDatabase();
		assumeTrue(database.kind().equals("postgresql"), "a lock session that an operator can end is PostgreSQL's");
		database.execute("CREATE TABLE chaos_runs (pid BIGINT)");
		Path marker = this.temporary.resolve("inside");
		Child holder = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-wait", marker);
		awaitMarker(marker, holder);
		List<String> lockSessions = database
			.queryStrings("SELECT pid FROM pg_locks WHERE locktype = 'advisory' " + "AND objsubid = 1 AND granted "
					+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
		assertThat(lockSessions).hasSize(1);
		assertThat(database.queryStrings("SELECT pg_terminate_backend(?)", Integer.parseInt(lockSessions.get(0))))
			.containsExactly("t");

		// the next process takes the lock, finds the revision started and not finished,
		// and runs nothing
		String second = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-run", marker).awaitExit(1);
		assertThat(second).contains("FAILED: ", ChaosMain.LONG_REVISION).doesNotContain("rolled back");
		assertThat(bodyRuns(database)).isEqualTo(1);

		// the first finishes the revision it was inside, then stops before its next step
		Files.writeString(this.temporary.resolve("release"), "go");
		String first = holder.awaitExit(1);
		assertThat(first).contains("FAILED: ", "lost the migration lock", ChaosMain.NEXT_REVISION)
			.doesNotContain("rolled back");
		assertThat(bodyRuns(database)).isEqualTo(1);
		assertThat(database.tables()).doesNotContain("after_long");
		assertVersionRows(database, ChaosMain.LONG_REVISION);

		String third = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-run", marker).awaitExit(0);
		assertThat(third).contains("applied 1 in ");
		assertThat(bodyRuns(database)).isEqualTo(1);
		assertVersionRows(database, ChaosMain.NEXT_REVISION);
	}

	@Test
	void theLockSessionOutlivesTheServersIdleSessionTimeout() throws Exception {
		TestDatabase database = newDatabase();
		assumeTrue(database.kind().equals("postgresql"), "idle_session_timeout is PostgreSQL's");
		database.execute("CREATE TABLE lock_seen (pid INTEGER)");
		String name = database.queryStrings("SELECT current_database()").get(0);
		// every new session of the database ends after 1 s idle; the revision keeps the
		// lock session idle for 3 s
		database.execute("ALTER DATABASE " + name + " SET idle_session_timeout = '1s'");

		String output = chaos(database.url(), database, LONG_LOCK_TIMEOUT_MILLIS, "nt-idle",
				this.temporary.resolve("unused"))
			.awaitExit(0);

		assertThat(output).contains("applied " + (SEED.size() + 2) + " in ");
		List<String> holders = database.queryStrings("SELECT pid FROM lock_seen");
		assertThat(holders).hasSize(2).doesNotContainNull();
		assertThat(holders.get(1)).as("the same session holds the lock after 3 s").isEqualTo(holders.get(0));
		assertVersionRows(database, ChaosMain.NEXT_REVISION);
	}

	private Child chaos(String url, TestDatabase database, long lockTimeoutMillis, String mode, Path marker)
			throws IOException {
		return start(ChaosMain.class.getName(), url, nullToEmpty(database.user()), nullToEmpty(database.password()),
				Long.toString(lockTimeoutMillis), mode, marker.toString());
	}

	private Child start(String mainClass, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile(this.temporary, "child", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		this.children.add(process);
		return new Child(process, output);
	}

	/**
	 * Polls for the marker the child writes once it is inside its revision; fails early
	 * if the child died.
	 */
	private static void awaitMarker(Path marker, Child child) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.exists(marker) || Files.size(marker) == 0) {
			if (!child.process().isAlive()) {
				throw new AssertionError("The child ended before it reached its revision:\n" + child.output());
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("The child did not reach its revision within 60 s:\n" + child.output());
			}
			Thread.sleep(10);
		}
	}

	/** The {@code M} of {@code applied N in M ms} or {@code LOCK TIMEOUT after M ms}. */
	private static long upgradeMillis(String output) {
		Matcher matcher = Pattern.compile("(?:in|after) (\\d+) ms").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * A chain of revisions, each creating a table with an index; returns their ids in
	 * order.
	 */
	static List<String> writeRevisions(Path directory, int count) throws IOException {
		Files.createDirectories(directory);
		List<String> ids = new ArrayList<>();
		String previous = "none";
		for (int i = 1; i <= count; i++) {
			String id = String.format("c4a05%07d", i);
			Files.writeString(directory.resolve(id + "_table_" + i + ".sql"),
					"-- revision: " + id + "\n" + "-- down_revision: " + previous + "\n-- message: Table " + i
							+ "\n\n-- upgrade\n" + "CREATE TABLE chaos_" + i
							+ " (id INTEGER PRIMARY KEY, name VARCHAR(50));\n" + "CREATE INDEX ix_chaos_" + i
							+ " ON chaos_" + i + " (name);\n\n-- downgrade\n" + "DROP TABLE chaos_" + i + ";\n");
			ids.add(id);
			previous = id;
		}
		return ids;
	}

	private static List<String> concat(List<String> list, String last) {
		List<String> result = new ArrayList<>(list);
		result.add(last);
		return result;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	/** A child JVM and the file its stdout and stderr go to. */
	record Child(Process process, Path outputFile) {

		String output() throws IOException {
			return Files.readString(this.outputFile);
		}

		/** Waits for the child to end with the exit code; returns what it printed. */
		String awaitExit(int exitCode) throws Exception {
			boolean ended = this.process.waitFor(90, TimeUnit.SECONDS);
			assertThat(ended).as("the child ended within 90 s: %s", output()).isTrue();
			assertThat(this.process.exitValue()).as(output()).isEqualTo(exitCode);
			return output();
		}

	}

	/**
	 * Waits for every child to succeed and adds up the revisions each says it applied
	 * ({@code applied <n>} or {@code applied <n> in <time>}).
	 */
	private static int appliedByAll(List<Child> upgraders) throws Exception {
		int applied = 0;
		for (Child upgrader : upgraders) {
			String output = upgrader.awaitExit(0);
			String line = output.lines()
				.filter((candidate) -> candidate.startsWith("applied "))
				.findFirst()
				.orElseThrow(() -> new AssertionError(output));
			applied += Integer.parseInt(line.substring("applied ".length()).strip().split(" ")[0]);
		}
		return applied;
	}

	/** The rows of the default version table. */
	private static void assertVersionRows(TestDatabase database, String... rows) {
		assertThat(database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(rows);
	}

	/** How often the long revision's body ran: it adds a row to chaos_runs each time. */
	private static long bodyRuns(TestDatabase database) {
		return database.count("SELECT count(*) FROM chaos_runs");
	}

}
