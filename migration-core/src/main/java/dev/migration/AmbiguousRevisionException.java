package dev.migration;

import java.util.List;

/**
 * A partial id matches more than one revision.
 */
public final class AmbiguousRevisionException extends TargetException {

	private static final long serialVersionUID = 1L;

	public AmbiguousRevisionException(String prefix, List<String> candidates) {
		super(prefix, "Revision prefix '" + prefix + "' is ambiguous; it matches " + String.join(", ", candidates)
				+ ". Give more characters. Nothing was run.", candidates);
	}

	/** The revisions the prefix matches. */
	public List<String> candidates() {
		return revisions();
	}

}
