package dev.migration;

import java.util.List;

/**
 * A branch label is used by two revisions, or collides with a revision id.
 */
public final class DuplicateBranchLabelException extends InvalidGraphException {

	private static final long serialVersionUID = 1L;

	public DuplicateBranchLabelException(String label, List<String> revisions) {
		super("Branch label '" + label + "' is used more than once (by " + String.join(", ", revisions)
				+ "). A label names one branch: rename one of them.", revisions);
	}

}
