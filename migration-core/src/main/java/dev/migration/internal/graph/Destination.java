package dev.migration.internal.graph;

import java.util.Set;

/**
 * What a target resolves to.
 *
 * @param revisions the revisions to reach (upgrade, stamp) or to stay at (downgrade)
 * @param removedRoots revisions that go away together with everything above them (a walk
 * off a root, or {@code label@base}); empty unless the target lies below a base
 * @param branch the revision a {@code <label>@} or {@code <id>@} prefix names (the
 * labelled revision, or the id), or {@code null} without a prefix: a downgrade then
 * reverts only that branch, a stamp moves only its rows (Alembic's "branch@target")
 */
public record Destination(Set<String> revisions, Set<String> removedRoots, String branch) {

	public Destination {
		revisions = Set.copyOf(revisions);
		removedRoots = Set.copyOf(removedRoots);
	}

	public Destination(Set<String> revisions, Set<String> removedRoots) {
		this(revisions, removedRoots, null);
	}

	static Destination of(Set<String> revisions) {
		return new Destination(revisions, Set.of());
	}

	static Destination base(Set<String> removedRoots) {
		return new Destination(Set.of(), removedRoots);
	}

	/** The same destination, scoped to the branch a prefix names. */
	Destination inBranch(String branchRevision) {
		return new Destination(this.revisions, this.removedRoots, branchRevision);
	}

}
