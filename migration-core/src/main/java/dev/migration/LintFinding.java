package dev.migration;

import java.util.Locale;

/**
 * One dangerous statement that {@link Migrations#lint()} found in a revision.
 *
 * @param file the revision file (as {@code history --verbose} shows its path)
 * @param line the 1-based line of the statement in the file
 * @param revision the revision id
 * @param rule the rule's id, e.g. {@code require-concurrent-index}; what
 * {@code -- lint: ignore} names
 * @param severity {@link Severity#ERROR} for a statement that blocks a busy table or
 * fails, else a warning
 * @param lockTaken the lock the statement takes and on what, e.g.
 * {@code SHARE on users (blocks writes)}
 * @param message what is wrong with this statement
 * @param safeAlternative how to do the same without the danger
 */
public record LintFinding(String file, int line, String revision, String rule, Severity severity, String lockTaken,
		String message, String safeAlternative) {

	/**
	 * {@code <file>:<line>: <rule> <severity>: <message>}, what the command line prints.
	 */
	public String describe() {
		return this.file + ":" + this.line + ": " + this.rule + " " + this.severity.word() + ": " + this.message;
	}

	/** How bad a finding is: errors fail {@code lint} (exit 1), warnings do not. */
	public enum Severity {

		ERROR, WARNING;

		/** {@code error} or {@code warning}. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
