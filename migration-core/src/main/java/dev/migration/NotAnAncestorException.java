package dev.migration;

import java.util.List;

/**
 * A guarded downgrade's target is not below the current revisions: it is the current
 * revision itself, above or beside it, or names no revision. Refused before anything
 * runs.
 */
public final class NotAnAncestorException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final List<String> current;

	/**
	 * @param target the target as given
	 * @param message what is wrong, ending in "Nothing was run."
	 * @param revisions the revisions the target names (empty when it names none)
	 * @param current the version rows it was compared with
	 */
	public NotAnAncestorException(String target, String message, List<String> revisions, List<String> current) {
		super(target, message, revisions);
		this.current = List.copyOf(current);
	}

	/** The version rows the target was compared with. */
	public List<String> current() {
		return this.current;
	}

}
