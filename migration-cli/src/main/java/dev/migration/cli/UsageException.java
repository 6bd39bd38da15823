package dev.migration.cli;

/**
 * The command line is incomplete or contradictory: exit code 2, like picocli's own usage
 * errors.
 */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

}
