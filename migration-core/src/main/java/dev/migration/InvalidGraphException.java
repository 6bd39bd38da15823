package dev.migration;

import java.util.List;

/**
 * The revisions do not form a valid graph: a cycle (a self-loop included), an id declared
 * twice, a down revision or dependency that names no revision, or a branch label used
 * twice. Raised before anything runs; the message says which rule is broken and
 * {@link #revisions()} carries the ids involved. No caller handles the rules differently,
 * so they share this one type (Alembic's {@code CycleDetected}, {@code MultipleBaseError}
 * and kin).
 */
public final class InvalidGraphException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public InvalidGraphException(String message, List<String> revisions) {
		super(message + " Nothing was applied.");
		this.revisions = List.copyOf(revisions);
	}

	/** The revisions form a cycle; a revision that names itself is a cycle of one. */
	public static InvalidGraphException cycle(List<String> cycle) {
		return new InvalidGraphException((cycle.size() == 1)
				? "Revision " + cycle.get(0) + " names itself as down revision or dependency (a self-loop). "
						+ "Remove that reference."
				: "Revisions form a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
						+ ". Fix the down_revision or depends_on of one of them.",
				cycle);
	}

	/** Two sources declare the same revision id. */
	public static InvalidGraphException duplicateRevision(String revision, List<String> locations) {
		return new InvalidGraphException("Revision id " + revision + " is declared more than once: "
				+ String.join(", ", locations) + ". Give one of them a new id.", List.of(revision));
	}

	/** A revision names a down revision or a dependency that does not exist. */
	public static InvalidGraphException missingRevision(String revision, String relation, String missing,
			String location) {
		return new InvalidGraphException(
				"Revision " + revision + " (" + location + ") has " + relation + " " + missing
						+ ", but no revision has that id. Add the missing revision or correct the reference.",
				List.of(revision, missing));
	}

	/** A branch label is used by two revisions, or collides with a revision id. */
	public static InvalidGraphException duplicateBranchLabel(String label, List<String> revisions) {
		return new InvalidGraphException("Branch label '" + label + "' is used more than once (by "
				+ String.join(", ", revisions) + "). A label names one branch: rename one of them.", revisions);
	}

	/** The revision ids (or labels) involved. */
	public List<String> revisions() {
		return this.revisions;
	}

}
