package dev.migration;

/**
 * The version table was not in the state the plan expected (another process moved it, or
 * someone edited it).
 */
public final class ConcurrentChangeException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public ConcurrentChangeException(String message) {
		super(message);
	}

}
