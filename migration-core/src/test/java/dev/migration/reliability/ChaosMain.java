package dev.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.JavaRevision;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.MigrationResult;
import dev.migration.Migrations;
import dev.migration.operations.Operations;
import dev.migration.support.TestRevision;

/**
 * A separate JVM that upgrades the seed revisions plus one long Java revision to heads:
 * {@code ChaosMain url user password lockTimeoutMillis mode markerFile [versionTable]}.
 * With {@code block}, the long revision creates a table, writes the marker file and then
 * waits until the process is killed, so the parent knows exactly when the process is
 * inside the revision; {@code server-sleep} (PostgreSQL) spends 20 s in one statement on
 * the server instead; {@code run} just runs it.
 * <p>
 * The {@code nt-} modes make the long revision non-transactional, its body inserting one
 * row into {@code chaos_runs} (committed at once, so it counts every run of the body),
 * and add a transactional revision after it: {@code nt-run} runs straight through;
 * {@code nt-wait} writes the marker and waits for a file {@code release} beside it;
 * {@code nt-block} writes the marker and waits to be killed; {@code nt-idle} (PostgreSQL)
 * records the advisory lock's holder in {@code lock_seen}, spends 3 s in one server
 * statement and records it again.
 * <p>
 * Prints {@code applied N in M ms}, or {@code LOCK TIMEOUT after M ms: message} (exit 3),
 * or {@code FAILED: message} (exit 1).
 */
public final class ChaosMain {

	/** The long revision, on top of the seed's head (posts). */
	static final String LONG_REVISION = "10ng00000001";

	static final String SEED_HEAD = "7d2e41c0b9aa";

	/** The transactional revision after the long one, in the {@code nt-} modes. */
	static final String NEXT_REVISION = "next00000001";

	/**
	 * How long a blocked revision waits before it gives up, so that a lost child never
	 * outlives the test run.
	 */
	private static final long GIVE_UP_SECONDS = 120;

	private ChaosMain() {
	}

	public static void main(String[] arguments) {
		Migrations migrations = migrations(arguments[0], arguments[1].isEmpty() ? null : arguments[1],
				arguments[2].isEmpty() ? null : arguments[2], Long.parseLong(arguments[3]), arguments[4],
				Path.of(arguments[5]),
				(arguments.length > 6) ? arguments[6] : MigrationConfiguration.DEFAULT_VERSION_TABLE);
		long start = System.nanoTime();
		try {
			MigrationResult result = migrations.upgrade("heads");
			System.out.println("applied " + result.steps().size() + " in " + millisSince(start) + " ms");
			System.exit(0);
		}
		catch (LockTimeoutException ex) {
			System.out.println("LOCK TIMEOUT after " + millisSince(start) + " ms: " + ex.getMessage());
			System.exit(3);
		}
		catch (MigrationException ex) {
			System.out.println("FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	/**
	 * The engine over the seed revisions and the long revision (and the next one in the
	 * {@code nt-} modes).
	 */
	static Migrations migrations(String url, String user, String password, long lockTimeoutMillis, String mode,
			Path marker) {
		return migrations(url, user, password, lockTimeoutMillis, mode, marker,
				MigrationConfiguration.DEFAULT_VERSION_TABLE);
	}

	/** As above, with the version table named (e.g. {@code alembic_version}). */
	static Migrations migrations(String url, String user, String password, long lockTimeoutMillis, String mode,
			Path marker, String versionTable) {
		List<JavaRevision> revisions = new ArrayList<>(List.of(new LongRevision(mode, marker)));
		if (mode.startsWith("nt-")) {
			revisions.add(nextRevision());
		}
		return Migrations.create(MigrationConfiguration.builder()
			.url(url)
			.user(user)
			.password(password)
			.locations("classpath:db/seed")
			.javaRevisions(revisions)
			.lockTimeout(Duration.ofMillis(lockTimeoutMillis))
			.versionTable(versionTable)
			.build());
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/**
	 * Creates a table; when blocking, signals through the marker file and waits to be
	 * killed.
	 */
	static final class LongRevision extends TestRevision {

		private final String mode;

		private final Path marker;

		LongRevision(String mode, Path marker) {
			super(LONG_REVISION, SEED_HEAD, "A long revision", !mode.startsWith("nt-"));
			this.mode = mode;
			this.marker = marker;
		}

		@Override
		public void upgrade(Operations operations) throws Exception {
			if (this.mode.startsWith("nt-")) {
				nonTransactional(operations);
				return;
			}
			operations.execute("CREATE TABLE half_done (id INTEGER)");
			if (this.mode.equals("server-sleep")) {
				// PostgreSQL only: the time goes by inside the server, in one long
				// statement
				Files.writeString(this.marker, "inside " + ProcessHandle.current().pid());
				operations.execute("SELECT pg_sleep(20)");
			}
			if (this.mode.equals("block")) {
				Files.writeString(this.marker, "inside " + ProcessHandle.current().pid());
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
				while (System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				throw new IllegalStateException("Nobody killed this process within " + GIVE_UP_SECONDS + " s");
			}
		}

		/**
		 * Counts the run in the database (committed at once: nothing rolls it back), then
		 * waits as the mode says.
		 */
		private void nonTransactional(Operations operations) throws Exception {
			long pid = ProcessHandle.current().pid();
			if (this.mode.equals("nt-idle")) {
				String holder = "INSERT INTO lock_seen SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND "
						+ "objsubid = 1 AND granted "
						+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
				operations.execute(holder);
				operations.execute("SELECT pg_sleep(3)");
				operations.execute(holder);
				return;
			}
			operations.execute("INSERT INTO chaos_runs (pid) VALUES (" + pid + ")");
			if (this.mode.equals("nt-wait") || this.mode.equals("nt-block")) {
				Files.writeString(this.marker, "inside " + pid);
				Path release = this.marker.resolveSibling("release");
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
				while (System.nanoTime() < deadline) {
					if (this.mode.equals("nt-wait") && Files.exists(release)) {
						return;
					}
					Thread.sleep(20);
				}
				throw new IllegalStateException(
						"Nobody released or killed this process within " + GIVE_UP_SECONDS + " s");
			}
		}

		@Override
		public void downgrade(Operations operations) {
			if (!this.mode.startsWith("nt-")) {
				operations.execute("DROP TABLE half_done");
			}
		}

	}

	/**
	 * A transactional revision after the long one: shows whether a process went on after
	 * it.
	 */
	static JavaRevision nextRevision() {
		return TestRevision.executing(NEXT_REVISION, LONG_REVISION, "After the long revision",
				"CREATE TABLE after_long (id INTEGER)", "DROP TABLE after_long");
	}

}
