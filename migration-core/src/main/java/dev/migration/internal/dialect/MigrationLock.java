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

	/** The lock, for messages. */
	default String describe() {
		return "the migration lock";
	}

	@Override
	void close();

}
