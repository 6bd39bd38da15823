package dev.migration.internal.dialect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.LockTimeoutException;
import dev.migration.MigrationDatabaseException;

/**
 * A PostgreSQL session-level advisory lock on a session of its own that never holds an
 * open transaction (see {@link LockSession}). The server releases it when the session
 * ends, so a killed process leaves nothing behind. Waiters poll with
 * {@code pg_try_advisory_lock}: a waiter blocked in {@code pg_advisory_lock} would hold a
 * snapshot, and the holder's {@code CREATE INDEX CONCURRENTLY} would wait for it forever.
 * The session may still end (an operator, the network) while the steps run on the
 * migrating connection, so the holder asks before each step whether it still has the
 * lock.
 */
public final class AdvisoryLock implements MigrationLock {

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final long FIRST_WAIT_MILLIS = 20;

	private static final long LONGEST_WAIT_MILLIS = 500;

	private final LockSessions.Taken taken;

	private final long key;

	private final String name;

	private AdvisoryLock(LockSessions.Taken taken, long key, String name) {
		this.taken = taken;
		this.key = key;
		this.name = name;
	}

	public static AdvisoryLock acquire(ConnectionSource connections, String name, Duration timeout) {
		long key = key(name);
		long deadline = System.nanoTime() + timeout.toNanos();
		LockSessions.Taken taken = LockSessions.take(connections);
		try {
			boolean locked;
			try {
				locked = tryLock(taken.session().connection(), key);
			}
			catch (SQLException ex) {
				if (!taken.reused()) {
					throw ex;
				}
				// a kept session that ended while it sat idle between targets: open
				// another
				logger.log(System.Logger.Level.DEBUG, "The kept lock session ended; opening another", ex);
				taken.discard();
				taken = LockSessions.take(connections);
				locked = tryLock(taken.session().connection(), key);
			}
			if (!locked) {
				await(taken.session().connection(), key, name, timeout, deadline);
			}
			return new AdvisoryLock(taken, key, name);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			taken.discard();
			throw new MigrationDatabaseException(
					"Interrupted while waiting for the migration lock. Nothing was " + "run.", ex);
		}
		catch (SQLException ex) {
			taken.discard();
			throw new MigrationDatabaseException(
					"Could not take the migration lock: " + ex.getMessage() + ". Nothing was run.", ex);
		}
		catch (LockTimeoutException ex) {
			taken.release();
			throw ex;
		}
		catch (RuntimeException ex) {
			taken.discard();
			throw ex;
		}
	}

	/** Polls until the lock is had, or fails when the deadline passed. */
	private static void await(Connection connection, long key, String name, Duration timeout, long deadline)
			throws SQLException, InterruptedException {
		long wait = FIRST_WAIT_MILLIS;
		boolean announced = false;
		do {
			if (System.nanoTime() - deadline >= 0) {
				String holder = holder(connection, key);
				throw new LockTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for "
						+ "the migration lock (PostgreSQL advisory lock " + key + " for " + name + "), held by "
						+ holder + ". Nothing was run. If that process is stuck and you end its lock session "
						+ "(SELECT pg_terminate_backend(pid)), the server releases the lock at once, but the "
						+ "holder is interrupted: it stops before its next step, and a non-transactional revision "
						+ "it is inside is left half done, marked so that nothing moves past it until it is "
						+ "repaired by hand and stamped. Otherwise raise the lock timeout.", holder);
			}
			if (!announced) {
				logger.log(System.Logger.Level.INFO,
						"Waiting for the migration lock held by " + holder(connection, key));
				announced = true;
			}
			TimeUnit.MILLISECONDS.sleep(wait);
			wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
		}
		while (!tryLock(connection, key));
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * Whether the lock's session still holds the lock, asked over another connection (the
	 * migrating one): the session may have been ended (pg_terminate_backend, a server
	 * timeout, the network) while the steps ran. It holds the lock from taking it until
	 * it releases it, and only its end releases it earlier, so the lock is held while
	 * that session lives.
	 */
	public boolean held(Connection migrating) throws SQLException {
		try (PreparedStatement statement = migrating.prepareStatement("SELECT NOT " + this.taken.session().ended());
				ResultSet result = statement.executeQuery()) {
			return result.next() && result.getBoolean(1);
		}
	}

	/**
	 * Inserts no row while the lock is held (see {@link #held}), else a NULL version,
	 * which the table's NOT NULL primary key refuses: the check of {@link #held} as a
	 * statement that can go in a batch.
	 */
	@Override
	public String guard(String versionTable) {
		return "INSERT INTO " + versionTable + " (version_num) SELECT NULL WHERE " + this.taken.session().ended();
	}

	/** The lock and its session, for messages. */
	public String describe() {
		return "PostgreSQL advisory lock " + this.key + " for " + this.name + " on backend pid "
				+ this.taken.session().pid();
	}

	/** Who holds the lock, from pg_locks and pg_stat_activity. */
	static String holder(Connection connection, long key) throws SQLException {
		String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state "
				+ "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
				+ "WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? "
				+ "AND l.objsubid = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				List<String> holders = new ArrayList<>();
				while (result.next()) {
					holders.add("backend pid " + result.getInt(1) + " (user " + result.getString(2) + ", application '"
							+ result.getString(3) + "', client " + result.getString(4) + ", connected since "
							+ result.getString(5) + ", state " + result.getString(6) + ")");
				}
				return holders.isEmpty() ? "a session that has just released it" : String.join("; ", holders);
			}
		}
	}

	static long key(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("dev.migration:" + name).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		boolean released = false;
		try (PreparedStatement statement = this.taken.session()
			.connection()
			.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				released = result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			// closing the session below releases the lock anyway
			logger.log(System.Logger.Level.DEBUG, "Could not release the advisory lock explicitly", ex);
		}
		if (released) {
			this.taken.release();
		}
		else {
			// not held any more, or the session broke: no later target may trust it
			this.taken.discard();
		}
	}

}
