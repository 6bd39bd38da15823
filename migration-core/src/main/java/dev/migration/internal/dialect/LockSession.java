package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

	/** When a backend started, as text that compares exactly. */
	private static final String START = "to_char(backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";

	private final int pid;

	/** The backend's start: with the pid, the session's identity (a pid is reused). */
	private final String started;

	private final List<Setting> settings;

	/** {@link #alive()}, built once: every step's guard and lock check sends it. */
	private final String alive;

	/** Whether a lock is taken on it now: a kept session serves one lock at a time. */
	private volatile boolean busy;

	private LockSession(Connection connection, int pid, String started, List<Setting> settings) {
		this.connection = connection;
		this.pid = pid;
		this.started = started;
		this.settings = settings;
		this.alive = "EXISTS (SELECT 1 FROM pg_stat_get_activity(" + pid + ") WHERE " + START + " = '" + started + "')";
	}

	/** Opens a session: one connection, its settings, pid and start in one round trip. */
	static LockSession open(ConnectionSource connections) {
		Connection connection = connections.open();
		try {
			String[] identity = new String[2];
			List<Setting> settings = Setting.apply(connection, SETTINGS, new String[] { "pg_backend_pid()",
					"(SELECT " + START + " FROM pg_stat_get_activity(pg_backend_pid()))" }, identity);
			return new LockSession(connection, Integer.parseInt(identity[0]), identity[1], settings);
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
	 * A condition, for any session of the database, that this session is alive: found by
	 * pid and start among the server's backends ({@code pg_stat_get_activity}, which
	 * reads the backends' status without taking the lock manager's locks, as a
	 * {@code pg_locks} scan does for every backend that is taking or releasing a lock).
	 */
	String alive() {
		return this.alive;
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
