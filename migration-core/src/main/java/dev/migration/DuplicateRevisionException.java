package dev.migration;

import java.util.List;

/**
 * Two sources declare the same revision id.
 */
public final class DuplicateRevisionException extends InvalidGraphException {

	private static final long serialVersionUID = 1L;

	public DuplicateRevisionException(String revision, List<String> locations) {
		super("Revision id " + revision + " is declared more than once: " + String.join(", ", locations)
				+ ". Give one of them a new id.", List.of(revision));
	}

}
