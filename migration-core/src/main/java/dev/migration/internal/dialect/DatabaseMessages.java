package dev.migration.internal.dialect;

/**
 * Database messages inside our own: PostgreSQL's span several lines ("Position: ..."),
 * and a message that is one line ending in a full stop reads well in a log line and in
 * the CLI's {@code FAILED:} line.
 */
public final class DatabaseMessages {

	private DatabaseMessages() {
	}

	/** The message on one line, ending in a full stop. */
	public static String sentence(String message) {
		String flat = String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").trim();
		return (flat.endsWith(".") || flat.endsWith("!") || flat.endsWith("?")) ? flat : flat + ".";
	}

}
