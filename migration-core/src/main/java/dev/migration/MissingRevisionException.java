package dev.migration;

import java.util.List;

/**
 * A revision names a down revision or a dependency that does not exist.
 */
public final class MissingRevisionException extends InvalidGraphException {

	private static final long serialVersionUID = 1L;

	public MissingRevisionException(String revision, String relation, String missing, String location) {
		super("Revision " + revision + " (" + location + ") has " + relation + " " + missing
				+ ", but no revision has that id. Add the missing revision or correct the reference.",
				List.of(revision, missing));
	}

}
