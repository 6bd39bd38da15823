package dev.migration.internal.dialect;

/**
 * The lock held while one process migrates. Closing releases it.
 */
public interface MigrationLock extends AutoCloseable {

	/** For databases where each step's own transaction is the lock. */
	MigrationLock NONE = () -> {
	};

	@Override
	void close();

}
