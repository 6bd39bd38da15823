package dev.migration.internal.graph;

import java.util.Set;

/**
 * What a target resolves to.
 *
 * @param revisions the revisions to reach (upgrade, stamp) or to stay at (downgrade)
 * @param removedRoots revisions that go away together with everything above them (a walk off a root, or
 * {@code label@base}); empty unless the target lies below a base
 */
public record Destination(Set<String> revisions, Set<String> removedRoots) {

	public Destination {
		revisions = Set.copyOf(revisions);
		removedRoots = Set.copyOf(removedRoots);
	}

	static Destination of(Set<String> revisions) {
		return new Destination(revisions, Set.of());
	}

	static Destination base(Set<String> removedRoots) {
		return new Destination(Set.of(), removedRoots);
	}

}
