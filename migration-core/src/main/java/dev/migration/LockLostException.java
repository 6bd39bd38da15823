package dev.migration;

/**
 * The migration lock was lost while a command ran (PostgreSQL: its session ended or no
 * longer holds the advisory lock); the command stopped before its next step.
 */
public final class LockLostException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public LockLostException(String message) {
		super(message);
	}

}
