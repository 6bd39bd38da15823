package dev.migration;

/**
 * The database could not be reached, or a bookkeeping statement (version or history
 * table) failed.
 */
public final class MigrationDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public MigrationDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
