package dev.migration;

/**
 * A revision source could not be read: a malformed header, an unknown key, a missing
 * section.
 */
public final class RevisionParseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final int line;

	public RevisionParseException(String location, int line, String problem) {
		super(location + (line > 0 ? ":" + line : "") + ": " + problem
				+ ". Nothing was applied; fix the file and run again.");
		this.location = location;
		this.line = line;
	}

	/** The file or classpath resource that failed to parse. */
	public String location() {
		return this.location;
	}

	/** The 1-based line of the problem, or 0 when it concerns the whole file. */
	public int line() {
		return this.line;
	}

}
