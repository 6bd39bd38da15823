package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.migration.MigrationDatabaseException;

/**
 * A PostgreSQL session of its own for advisory locks, never in a transaction: its
 * connection, the settings that keep it alive while it sits idle, and its backend pid.
 * Used for one lock, or kept by a fleet's worker thread from target to target (see
 * {@link LockSessions}), so that a fleet does not start a server backend per schema.
 */
final class LockSession {

	private static final System.Logger logger = System.getLogger("dev.migration");

	/**
	 * No idle timeouts (the server would end the session, and with it the lock, while a
	 * long revision runs on the other connection), and TCP keepalives within a minute (so
	 * that no firewall or load balancer drops an idle connection, and the server notices
	 * a dead holder sooner).
	 */
	private static final List<Setting> SETTINGS = List.of(new Setting("idle_session_timeout", "0", 14),
			new Setting("idle_in_transaction_session_timeout", "0", 10), new Setting("tcp_keepalives_idle", "60", 10),
			new Setting("tcp_keepalives_interval", "10", 10));

	private final Connection connection;

	private final int pid;

	private final List<Setting> settings;

	/** {@link #ended()}, built once: every step's guard and lock check sends it. */
	private final String ended;

	/** Whether a lock is taken on it now: a kept session serves one lock at a time. */
	private volatile boolean busy;

	private LockSession(Connection connection, int pid, int[] liveness, List<Setting> settings) {
		this.connection = connection;
		this.pid = pid;
		this.settings = settings;
		// a pool may hand out this very session for the migrating connection, which
		// takes its own lock's key
		this.ended = "(pg_backend_pid() <> " + pid + " AND pg_try_advisory_xact_lock_shared(" + liveness[0] + ", "
				+ liveness[1] + "))";
	}

	/**
	 * Opens a session: one connection, its settings, its pid and its liveness lock in one
	 * round trip.
	 */
	static LockSession open(ConnectionSource connections) {
		Connection connection = connections.open();
		try {
			// a key of its own (random, in the two-key space that no migration lock uses)
			int[] liveness = { ThreadLocalRandom.current().nextInt(), ThreadLocalRandom.current().nextInt() };
			String[] answers = new String[2];
			List<Setting> settings = Setting.apply(connection, SETTINGS, new String[] { "pg_backend_pid()",
					"pg_try_advisory_lock(" + liveness[0] + ", " + liveness[1] + ")" }, answers);
			if (!"t".equals(answers[1]) && !"true".equals(answers[1])) {
				throw new SQLException("Another session holds the new lock session's own advisory lock (" + liveness[0]
						+ ", " + liveness[1] + "); try again");
			}
			return new LockSession(connection, Integer.parseInt(answers[0]), liveness, settings);
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw new MigrationDatabaseException(
					"Could not prepare the migration lock's session: " + ex.getMessage() + ". Nothing was run.", ex);
		}
	}

	Connection connection() {
		return this.connection;
	}

	int pid() {
		return this.pid;
	}

	/**
	 * A condition, for any other session of the database, that this session has ended: it
	 * holds an advisory lock of its own from its start to its end, and nobody else uses
	 * that key, so another session can take the key (shared, until its transaction ends)
	 * exactly when this one is gone. Cheaper than looking the session up among the
	 * server's backends ({@code pg_stat_get_activity} copies every backend's status), and
	 * it takes no lock-manager partition locks beyond the one of the key, as a
	 * {@code pg_locks} scan would.
	 */
	String ended() {
		return this.ended;
	}

	boolean busy() {
		return this.busy;
	}

	void busy(boolean busy) {
		this.busy = busy;
	}

	/**
	 * Resets its settings (a pool may hand the connection to the application) and closes
	 * it.
	 */
	void close() {
		try {
			Setting.reset(this.connection, this.settings);
		}
		catch (SQLException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not reset the lock session's settings", ex);
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	/**
	 * Closes it without a word to the server: it is broken, and the server releases its
	 * locks.
	 */
	void discard() {
		closeQuietly(this.connection);
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not close the lock connection", ex);
		}
	}

}
