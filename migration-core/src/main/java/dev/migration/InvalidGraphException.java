package dev.migration;

import java.util.List;

/**
 * The revisions do not form a valid graph. Raised before anything runs; subclasses say which rule is broken.
 */
public class InvalidGraphException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public InvalidGraphException(String message, List<String> revisions) {
		super(message + " Nothing was applied.");
		this.revisions = List.copyOf(revisions);
	}

	/** The revision ids (or labels) involved. */
	public List<String> revisions() {
		return this.revisions;
	}

}
