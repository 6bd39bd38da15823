package dev.migration;

/**
 * Root of every error the engine raises. Each subclass is named after what failed, and
 * each message says what happened, the revisions, files or lines involved, what was done
 * about it and what to do next.
 */
public class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
