package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The lock held while one process migrates. Closing releases it.
 */
public interface MigrationLock extends AutoCloseable {

	/** For databases where each step's own transaction is the lock. */
	MigrationLock NONE = () -> {
	};

	/**
	 * Whether this process still holds the lock, asked over the migrating connection
	 * before each step: a lock whose session ended (an operator, a server timeout, the
	 * network) is gone, and another process may hold it now.
	 */
	default boolean held(Connection connection) throws SQLException {
		return true;
	}

	/**
	 * A statement that changes nothing while this process holds the lock and fails
	 * otherwise, to go first in a step's batch: the lock is then checked in the step's
	 * first round trip, and a lost lock stops the batch before the step's first
	 * statement. {@code null} where the lock has none: the caller asks {@link #held}.
	 * @param versionTable the version table, qualified and quoted
	 */
	default String guard(String versionTable) {
		return null;
	}

	/**
	 * A statement that undoes the command's session state on the migrating connection (a
	 * pool may hand it out again), sent with the reset of the connection's settings when
	 * the lock is released: no round trip of its own. A lock that does not prepare the
	 * connection sends nothing (only PostgreSQL's leaves such state); failures are
	 * ignored as the reset's are.
	 */
	default void resetAlso(String statement) {
	}

	/** The lock, for messages. */
	default String describe() {
		return "the migration lock";
	}

	@Override
	void close();

}
