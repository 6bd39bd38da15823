package dev.migration;

/**
 * Another process held the migration lock for longer than the lock timeout.
 */
public final class LockTimeoutException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String holder;

	public LockTimeoutException(String message, String holder) {
		super(message);
		this.holder = holder;
	}

	/** Who held the lock, as far as the database tells. */
	public String holder() {
		return this.holder;
	}

}
