package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.VersionChange;
import dev.migration.internal.graph.RevisionGraph;

/**
 * Keeps the simulated version rows while a plan is built and decides, step by step, how
 * the rows change: Alembic's head maintenance. Only heads of what is applied are stored;
 * ancestors and dependencies are applied by implication.
 */
final class HeadMaintainer {

	private final RevisionGraph graph;

	private final Set<String> rows;

	HeadMaintainer(RevisionGraph graph, Collection<String> rows) {
		this.graph = graph;
		this.rows = new LinkedHashSet<>(rows);
	}

	List<String> rows() {
		return List.copyOf(this.rows);
	}

	VersionChange upgrade(String revision, List<String> down) {
		List<String> present = new ArrayList<>();
		for (String parent : down) {
			if (this.rows.contains(parent)) {
				present.add(parent);
			}
		}
		VersionChange change;
		if (present.isEmpty()) {
			// a root, or a branch off a revision that is applied only as an ancestor of
			// another row
			change = VersionChange.insert(revision);
		}
		else if (present.size() == 1) {
			change = VersionChange.update(present.get(0), revision);
		}
		else {
			change = new VersionChange(VersionChange.Kind.MERGE, present.subList(0, present.size() - 1),
					present.get(present.size() - 1), revision, List.of());
		}
		apply(change);
		return change;
	}

	VersionChange downgrade(String revision, List<String> down) {
		if (!this.rows.contains(revision)) {
			throw new IllegalStateException("Revision " + revision + " is not a version row " + this.rows);
		}
		List<String> others = new ArrayList<>(this.rows);
		others.remove(revision);
		List<String> to = new ArrayList<>(down);
		if (!others.isEmpty() && !to.isEmpty()) {
			// a parent still needed by another row stays applied through that row and
			// gets no row of its own
			to.removeAll(this.graph.ancestors(others));
		}
		VersionChange change;
		if (to.isEmpty()) {
			change = VersionChange.delete(revision);
		}
		else if (to.size() == 1) {
			change = VersionChange.update(revision, to.get(0));
		}
		else {
			change = new VersionChange(VersionChange.Kind.UNMERGE, List.of(), revision, to.get(to.size() - 1),
					to.subList(0, to.size() - 1));
		}
		apply(change);
		return change;
	}

	private void apply(VersionChange change) {
		this.rows.removeAll(change.deletes());
		if (change.hasUpdate()) {
			this.rows.remove(change.updateFrom());
			this.rows.add(change.updateTo());
		}
		this.rows.addAll(change.inserts());
	}

}
