package dev.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.JavaRevision;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.MigrationResult;
import dev.migration.Migrations;
import dev.migration.operations.Operations;

/**
 * A separate JVM that upgrades the seed revisions plus one long Java revision to heads:
 * {@code ChaosMain url user password lockTimeoutMillis block|server-sleep|run markerFile}. With {@code block}, the long
 * revision creates a table, writes the marker file and then waits until the process is killed, so the parent knows
 * exactly when the process is inside the revision; {@code server-sleep} (PostgreSQL) spends 20 s in one statement
 * on the server instead. Prints {@code applied N in M ms}, or {@code LOCK TIMEOUT after M ms:
 * message} (exit 3), or {@code FAILED: message} (exit 1).
 */
public final class ChaosMain {

	/** The long revision, on top of the seed's head (posts). */
	static final String LONG_REVISION = "10ng00000001";

	static final String SEED_HEAD = "7d2e41c0b9aa";

	/** How long a blocked revision waits before it gives up, so that a lost child never outlives the test run. */
	private static final long GIVE_UP_SECONDS = 120;

	private ChaosMain() {
	}

	public static void main(String[] arguments) {
		String mode = arguments[4];
		Path marker = Path.of(arguments[5]);
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(arguments[0])
			.user(arguments[1].isEmpty() ? null : arguments[1])
			.password(arguments[2].isEmpty() ? null : arguments[2])
			.locations("classpath:db/seed")
			.javaRevisions(new LongRevision(mode, marker))
			.lockTimeout(Duration.ofMillis(Long.parseLong(arguments[3])))
			.build());
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

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/** Creates a table; when blocking, signals through the marker file and waits to be killed. */
	static final class LongRevision implements JavaRevision {

		private final String mode;

		private final Path marker;

		LongRevision(String mode, Path marker) {
			this.mode = mode;
			this.marker = marker;
		}

		@Override
		public String id() {
			return LONG_REVISION;
		}

		@Override
		public List<String> downRevisions() {
			return List.of(SEED_HEAD);
		}

		@Override
		public String message() {
			return "A long revision";
		}

		@Override
		public void upgrade(Operations operations) throws Exception {
			operations.execute("CREATE TABLE half_done (id INTEGER)");
			if (this.mode.equals("server-sleep")) {
				// PostgreSQL only: the time goes by inside the server, in one long statement
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

		@Override
		public void downgrade(Operations operations) {
			operations.execute("DROP TABLE half_done");
		}

	}

}
