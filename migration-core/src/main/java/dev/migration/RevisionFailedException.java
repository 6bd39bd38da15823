package dev.migration;

/**
 * A statement of a revision failed in the database. The step was rolled back (for
 * transactional revisions); the message says where the database stands.
 */
public final class RevisionFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String location;

	private final int line;

	public RevisionFailedException(String message, String revision, String location, int line, Throwable cause) {
		super(message, cause);
		this.revision = revision;
		this.location = location;
		this.line = line;
	}

	public String revision() {
		return this.revision;
	}

	public String location() {
		return this.location;
	}

	/** The line of the failing statement in its file, or 0 for Java revisions. */
	public int line() {
		return this.line;
	}

}
