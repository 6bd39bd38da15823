package dev.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.migration.operations.Operations;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The PostgreSQL migration lock: a session advisory lock that waiters poll for, so that a
 * holder's {@code CREATE INDEX CONCURRENTLY} never waits for them, and a timeout that
 * names the holder.
 */
class PostgresLockTests {

	static final String POSTS = MigrationsExecutionTests.POSTS;

	private final PostgresDatabase database = PostgresDatabase.create();

	Migrations migrations(Duration lockTimeout, JavaRevision... javaRevisions) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(this.database.url())
			.user(this.database.user())
			.password(this.database.password())
			.locations("classpath:db/seed")
			.javaRevisions(javaRevisions)
			.lockTimeout(lockTimeout)
			.build());
	}

	@Test
	void createIndexConcurrentlyCompletesWhileAnotherProcessWaitsForTheLock() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		JavaRevision concurrentIndex = new Revision("c0ncurrent01", false) {

			@Override
			public void upgrade(Operations operations) throws Exception {
				started.countDown();
				awaitWaiter(operations.connection());
				operations.execute("CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title)");
			}

		};
		migrations(Duration.ofSeconds(60)).upgrade("heads");
		Migrations holder = migrations(Duration.ofSeconds(60), concurrentIndex);
		Migrations waiter = migrations(Duration.ofSeconds(60), concurrentIndex);

		CompletableFuture<MigrationResult> holding = CompletableFuture.supplyAsync(() -> holder.upgrade("heads"));
		assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MigrationResult> waiting = CompletableFuture.supplyAsync(() -> waiter.upgrade("heads"));

		assertThat(holding.get(60, TimeUnit.SECONDS).steps()).extracting(Step::revision)
			.containsExactly("c0ncurrent01");
		assertThat(waiting.get(60, TimeUnit.SECONDS).steps()).isEmpty();
		assertThat(this.database.queryStrings(
				"SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ?",
				"ix_posts_title"))
			.containsExactly("t");
		assertThat(this.database.queryStrings("SELECT revision FROM migration_history WHERE revision = 'c0ncurrent01'"))
			.hasSize(1);
	}

	@Test
	void lockTimeoutNamesTheHolderAndRunsNothing() throws Exception {
		Held slow = new Held("s1ow00000001", true, "CREATE TABLE slow (id INTEGER)");
		Migrations holder = migrations(Duration.ofSeconds(60), slow);
		CompletableFuture<MigrationResult> holding = CompletableFuture.supplyAsync(() -> holder.upgrade("heads"));
		assertThat(slow.started.await(60, TimeUnit.SECONDS)).isTrue();
		int holderPid = holderPid();

		try {
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> migrations(Duration.ofMillis(300), slow).upgrade("heads"))
				.withMessageContaining("backend pid " + holderPid)
				.withMessageContaining("Nothing was run")
				.satisfies((timeout) -> assertThat(timeout.holder()).contains("pid " + holderPid));
		}
		finally {
			slow.release.countDown();
		}
		assertThat(holding.get(60, TimeUnit.SECONDS).currentRows()).containsExactly("s1ow00000001");
	}

	@Test
	void lockTimeoutSaysWhatEndingTheHolderDoesAndNamesTheNonTransactionalRevisionItIsInside() throws Exception {
		Held index = new Held("c0ncurrent02", false, "CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title)");
		migrations(Duration.ofSeconds(60)).upgrade("heads");
		Migrations holder = migrations(Duration.ofSeconds(60), index);
		CompletableFuture<MigrationResult> holding = CompletableFuture.supplyAsync(() -> holder.upgrade("heads"));
		assertThat(index.started.await(60, TimeUnit.SECONDS)).isTrue();

		try {
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> migrations(Duration.ofMillis(300), index).upgrade("heads"))
				.withMessageContaining("pg_terminate_backend")
				.withMessageContaining("left half done")
				.withMessageContaining("inside revision c0ncurrent02 (upgrade, not transactional)")
				.withMessageContaining("Nothing was run");
		}
		finally {
			index.release.countDown();
		}
		assertThat(holding.get(60, TimeUnit.SECONDS).currentRows()).containsExactly("c0ncurrent02");
		assertThat(this.database.queryStrings(
				"SELECT duration_ms >= 0 AND success FROM migration_history " + "WHERE revision = 'c0ncurrent02'"))
			.containsExactly("t");
	}

	@Test
	void aKilledHoldersLockIsReleasedByTheServerAndItsStepRolledBack() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean blockOnce = new AtomicBoolean(true);
		JavaRevision stuck = new Revision("stuck0000001", true) {

			@Override
			public void upgrade(Operations operations) throws Exception {
				operations.execute("CREATE TABLE stuck (id INTEGER)");
				if (blockOnce.getAndSet(false)) {
					started.countDown();
					release.await(60, TimeUnit.SECONDS);
				}
			}

		};
		Migrations holder = migrations(Duration.ofSeconds(60), stuck);
		CompletableFuture<MigrationResult> holding = CompletableFuture.supplyAsync(() -> holder.upgrade("heads"));
		assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

		// what kill -9 of the holder does to its sessions: the server ends them,
		// releasing the lock
		this.database.queryStrings("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");
		MigrationResult next = migrations(Duration.ofSeconds(30), stuck).upgrade("heads");
		release.countDown();

		assertThat(next.steps()).extracting(Step::revision).containsExactly("stuck0000001");
		assertThat(next.currentRows()).containsExactly("stuck0000001");
		assertThat(holding).failsWithin(60, TimeUnit.SECONDS);
		assertThat(this.database
			.queryStrings("SELECT revision FROM migration_history WHERE revision = 'stuck0000001' AND success"))
			.hasSize(1);
	}

	@Test
	void aSqlStepWhoseLockSessionEndedStopsBeforeItsFirstStatementAndWritesNoHistoryRow() {
		List<String> events = new CopyOnWriteArrayList<>();
		MigrationListener endsTheLockSessionAfterTheFirstStep = new MigrationListener() {

			@Override
			public void stepStarted(Step step) {
				events.add("started " + step.revision());
			}

			@Override
			public void stepSucceeded(Step step, Duration duration) {
				events.add("succeeded " + step.revision());
				if (events.size() == 2) {
					int pid = holderPid();
					PostgresLockTests.this.database.queryStrings("SELECT pg_terminate_backend(?)", pid);
					// the server ends the session, and releases its lock, soon after
					PostgresLockTests.this.database
						.awaitNone("SELECT count(*) FROM pg_locks " + "WHERE locktype = 'advisory' AND database = "
								+ "(SELECT oid FROM pg_database WHERE datname = current_database())");
				}
			}

			@Override
			public void stepFailed(Step step, Duration duration, MigrationException failure) {
				events.add("failed " + step.revision());
			}

		};
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(this.database.url())
			.user(this.database.user())
			.password(this.database.password())
			.locations("classpath:db/seed")
			.listeners(List.of(endsTheLockSessionAfterTheFirstStep))
			.build());

		assertThatExceptionOfType(LockLostException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("lost the migration lock")
			.withMessageContaining("Stopped before upgrade of 9a8b7c6d5e4f, before its first statement");

		assertThat(events).containsExactly("started 1a2b3c4d5e6f", "succeeded 1a2b3c4d5e6f", "started 9a8b7c6d5e4f",
				"failed 9a8b7c6d5e4f");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version"))
			.containsExactly("1a2b3c4d5e6f");
		assertThat(this.database.queryStrings("SELECT revision || ' ' || success FROM migration_history"))
			.containsExactly("1a2b3c4d5e6f true");
		assertThat(this.database.queryStrings("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_name = 'users' AND column_name LIKE 'email_verified%'"))
			.isEmpty();
	}

	/** The backend that holds our advisory lock. */
	private int holderPid() {
		List<String> pids = this.database
			.queryStrings("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
					+ "AND database = " + "(SELECT oid FROM pg_database WHERE datname = current_database())");
		assertThat(pids).hasSize(1);
		return Integer.parseInt(pids.get(0));
	}

	/**
	 * Waits until another session has polled for the migration lock, i.e. a second
	 * process is waiting.
	 */
	private static void awaitWaiter(Connection connection) throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
							+ "WHERE query LIKE 'SELECT pg_try_advisory_lock%' AND pid <> pg_backend_pid() "
							+ "AND datname = current_database()")) {
				result.next();
				if (result.getInt(1) > 0) {
					return;
				}
			}
			Thread.onSpinWait();
		}
		throw new IllegalStateException("No second process started waiting for the lock");
	}

	/** A Java revision on top of the seed revisions. */
	private abstract static class Revision extends TestRevision {

		Revision(String id, boolean transactional) {
			super(id, POSTS, "", transactional);
		}

	}

	/**
	 * Once started, waits for its release, then runs its statement: holds the lock as
	 * long as a test needs.
	 */
	private static final class Held extends Revision {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private final String sql;

		Held(String id, boolean transactional, String sql) {
			super(id, transactional);
			this.sql = sql;
		}

		@Override
		public void upgrade(Operations operations) throws Exception {
			this.started.countDown();
			assertThat(this.release.await(60, TimeUnit.SECONDS)).isTrue();
			operations.execute(this.sql);
		}

	}

}
