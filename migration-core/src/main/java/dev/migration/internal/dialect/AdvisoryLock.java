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
 * A PostgreSQL session-level advisory lock on a connection of its own that never holds an
 * open transaction. The server releases it when the session ends, so a killed process
 * leaves nothing behind. Waiters poll with {@code pg_try_advisory_lock}: a waiter blocked
 * in {@code pg_advisory_lock} would hold a snapshot, and the holder's
 * {@code CREATE INDEX CONCURRENTLY} would wait for it forever. The session is idle while
 * the steps run on the migrating connection, so it turns off the server's idle timeouts
 * for itself; and since it may still end (an operator, the network), the holder asks
 * before each step whether it still has the lock.
 */
public final class AdvisoryLock implements MigrationLock {

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final long FIRST_WAIT_MILLIS = 20;

	private static final long LONGEST_WAIT_MILLIS = 500;

	/**
	 * The lock session's settings: no idle timeouts (the server would end the session,
	 * and with it the lock, while a long revision runs on the other connection), and TCP
	 * keepalives within a minute (so that no firewall or load balancer drops an idle
	 * connection, and the server notices a dead holder sooner).
	 */
	private static final List<Setting> LOCK_SESSION_SETTINGS = List.of(new Setting("idle_session_timeout", "0", 14),
			new Setting("idle_in_transaction_session_timeout", "0", 10), new Setting("tcp_keepalives_idle", "60", 10),
			new Setting("tcp_keepalives_interval", "10", 10));

	private final Connection connection;

	private final long key;

	private final String name;

	private final int pid;

	private final List<Setting> settings;

	private AdvisoryLock(Connection connection, long key, String name, int pid, List<Setting> settings) {
		this.connection = connection;
		this.key = key;
		this.name = name;
		this.pid = pid;
		this.settings = settings;
	}

	public static AdvisoryLock acquire(ConnectionSource connections, String name, Duration timeout) {
		long key = key(name);
		Connection connection = connections.open();
		try {
			List<Setting> settings = Setting.apply(connection, LOCK_SESSION_SETTINGS);
			long deadline = System.nanoTime() + timeout.toNanos();
			long wait = FIRST_WAIT_MILLIS;
			boolean announced = false;
			while (!tryLock(connection, key)) {
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
			return new AdvisoryLock(connection, key, name, backendPid(connection), settings);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close(connection);
			throw new MigrationDatabaseException(
					"Interrupted while waiting for the migration lock. Nothing was " + "run.", ex);
		}
		catch (SQLException ex) {
			close(connection);
			throw new MigrationDatabaseException(
					"Could not take the migration lock: " + ex.getMessage() + ". Nothing was run.", ex);
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

	private static int backendPid(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	/**
	 * Whether the lock's session still holds the lock, per pg_locks, asked over another
	 * connection (the migrating one): the session may have been ended
	 * (pg_terminate_backend, a server timeout, the network) while the steps ran.
	 */
	public boolean held(Connection migrating) throws SQLException {
		String sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = ? "
				+ "AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1";
		try (PreparedStatement statement = migrating.prepareStatement(sql)) {
			statement.setInt(1, this.pid);
			statement.setLong(2, this.key >>> 32);
			statement.setLong(3, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) > 0;
			}
		}
	}

	/** The lock and its session, for messages. */
	public String describe() {
		return "PostgreSQL advisory lock " + this.key + " for " + this.name + " on backend pid " + this.pid;
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
			Setting.reset(this.connection, this.settings);
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
