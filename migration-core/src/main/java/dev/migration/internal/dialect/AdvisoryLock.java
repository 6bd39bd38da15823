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
 * A PostgreSQL session-level advisory lock on a connection of its own that never holds an open transaction. The
 * server releases it when the session ends, so a killed process leaves nothing behind. Waiters poll with
 * {@code pg_try_advisory_lock}: a waiter blocked in {@code pg_advisory_lock} would hold a snapshot, and the holder's
 * {@code CREATE INDEX CONCURRENTLY} would wait for it forever.
 */
public final class AdvisoryLock implements MigrationLock {

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final long FIRST_WAIT_MILLIS = 20;

	private static final long LONGEST_WAIT_MILLIS = 500;

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	public static AdvisoryLock acquire(ConnectionSource connections, String name, Duration timeout) {
		long key = key(name);
		Connection connection = connections.open();
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			long wait = FIRST_WAIT_MILLIS;
			boolean announced = false;
			while (!tryLock(connection, key)) {
				if (System.nanoTime() - deadline >= 0) {
					String holder = holder(connection, key);
					throw new LockTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for the "
							+ "migration lock (PostgreSQL advisory lock " + key + " for " + name + "), held by " + holder
							+ ". Nothing was run. If that process is stuck, end it (SELECT pg_terminate_backend(pid)); "
							+ "the server releases its lock at once. Otherwise raise the lock timeout.", holder);
				}
				if (!announced) {
					logger.log(System.Logger.Level.INFO, "Waiting for the migration lock held by " + holder(connection, key));
					announced = true;
				}
				TimeUnit.MILLISECONDS.sleep(wait);
				wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
			}
			return new AdvisoryLock(connection, key);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close(connection);
			throw new MigrationDatabaseException("Interrupted while waiting for the migration lock. Nothing was run.", ex);
		}
		catch (SQLException ex) {
			close(connection);
			throw new MigrationDatabaseException("Could not take the migration lock: " + ex.getMessage()
					+ ". Nothing was run.", ex);
		}
		catch (RuntimeException ex) {
			close(connection);
			throw ex;
		}
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
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
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		catch (SQLException ex) {
			// closing the session below releases the lock anyway
			logger.log(System.Logger.Level.DEBUG, "Could not release the advisory lock explicitly", ex);
		}
		finally {
			close(this.connection);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not close the lock connection", ex);
		}
	}

}
