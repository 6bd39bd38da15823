package dev.migration;

/**
 * A new revision was asked for with a value its file cannot hold so that it reads back
 * the same: an id, label or message the parser would refuse or read differently, or SQL
 * with a line the parser takes for a section marker. Nothing was written.
 */
public final class InvalidRevisionArgumentException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	/**
	 * @param argument the header key of the bad value ({@code revision},
	 * {@code down_revision}, {@code message}, {@code branch_labels}, {@code depends_on})
	 * or the section ({@code upgrade}, {@code downgrade})
	 * @param problem the value and the rule it breaks, as a sentence
	 */
	public InvalidRevisionArgumentException(String argument, String problem) {
		super(problem + " Nothing was written.");
		this.argument = argument;
	}

	/**
	 * The header key of the bad value, or the section it is in, for a caller to name its
	 * own option.
	 */
	public String argument() {
		return this.argument;
	}

}
