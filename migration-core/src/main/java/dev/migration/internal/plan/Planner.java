package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.UnknownRevisionException;
import dev.migration.VersionChange;
import dev.migration.internal.graph.Destination;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.graph.TargetResolver;
import dev.migration.internal.revision.Revision;

/**
 * Turns the current version rows and a target into a {@link Plan}. Pure: no I/O, so every command, {@code --sql}
 * and the endpoint's dry run see the same steps.
 */
public final class Planner {

	private final RevisionGraph graph;

	public Planner(RevisionGraph graph) {
		this.graph = graph;
	}

	/** Applies every revision the target needs that is not applied yet, ancestors first. */
	public Plan upgrade(List<String> rows, String target) {
		requireKnown(rows);
		Destination destination = new TargetResolver(this.graph, rows).resolve(target);
		Set<String> applied = this.graph.ancestors(rows);
		Set<String> wanted = new LinkedHashSet<>(this.graph.ancestors(destination.revisions()));
		wanted.removeAll(applied);
		HeadMaintainer heads = new HeadMaintainer(this.graph, rows);
		List<Step> steps = new ArrayList<>(wanted.size());
		for (String id : this.graph.sortAscending(wanted)) {
			Revision revision = this.graph.get(id);
			List<String> down = this.graph.normalizedDownRevisions(id);
			VersionChange change = heads.upgrade(id, down);
			steps.add(new Step(Direction.UPGRADE, id, revision.message(), down, List.of(id), change));
		}
		return new Plan(Direction.UPGRADE, List.of(target), rows, steps, heads.rows());
	}

	/**
	 * Reverts every applied revision above the target, descendants first. The target must be applied; a revision
	 * without downgrade on the way refuses the whole plan.
	 */
	public Plan downgrade(List<String> rows, String target) {
		requireKnown(rows);
		Destination destination = new TargetResolver(this.graph, rows).resolve(target);
		Set<String> applied = this.graph.ancestors(rows);
		List<String> notApplied = new ArrayList<>();
		for (String revision : destination.revisions()) {
			if (!applied.contains(revision)) {
				notApplied.add(revision);
			}
		}
		if (!notApplied.isEmpty()) {
			throw new TargetException(target, "Cannot downgrade to '" + target + "': " + String.join(", ", notApplied)
					+ (notApplied.size() == 1 ? " is" : " are") + " not applied (current: "
					+ (rows.isEmpty() ? "base" : String.join(", ", rows)) + "). Nothing was run. Use upgrade to go "
					+ "forward.", notApplied);
		}
		List<String> removed = this.graph.sortAscending(removedBy(destination, applied));
		List<String> irreversible = new ArrayList<>();
		for (String id : removed) {
			if (!this.graph.get(id).reversible()) {
				irreversible.add(id);
			}
		}
		if (!irreversible.isEmpty()) {
			throw new IrreversibleRevisionException(target, irreversible);
		}
		HeadMaintainer heads = new HeadMaintainer(this.graph, rows);
		List<Step> steps = new ArrayList<>(removed.size());
		for (int i = removed.size() - 1; i >= 0; i--) {
			String id = removed.get(i);
			List<String> down = this.graph.normalizedDownRevisions(id);
			VersionChange change = heads.downgrade(id, down);
			steps.add(new Step(Direction.DOWNGRADE, id, this.graph.get(id).message(), List.of(id), down, change));
		}
		return new Plan(Direction.DOWNGRADE, List.of(target), rows, steps, heads.rows());
	}

	/**
	 * Sets the version rows to the targets without running anything, one step per target revision, touching only
	 * the branches the targets are on. With {@code purge} the rows start empty (and may hold unknown revisions).
	 */
	public Plan stamp(List<String> rows, List<String> targets, boolean purge) {
		if (!purge) {
			requireKnown(rows);
		}
		List<String> known = purge ? List.of() : List.copyOf(rows);
		Set<String> applied = new LinkedHashSet<>(this.graph.ancestors(known));
		List<String> physical = new ArrayList<>(rows);
		List<Step> steps = new ArrayList<>();
		for (String target : targets) {
			Destination destination = new TargetResolver(this.graph, known).resolve(target);
			List<Set<String>> parts = new ArrayList<>();
			if (destination.revisions().isEmpty()) {
				parts.add(Set.of());
			}
			for (String revision : this.graph.sortAscending(destination.revisions())) {
				parts.add(Set.of(revision));
			}
			for (Set<String> part : parts) {
				Set<String> removed = removedBy(new Destination(part, destination.removedRoots()), applied);
				applied.removeAll(removed);
				applied.addAll(this.graph.ancestors(part));
				List<String> next = this.graph.headsOf(applied);
				Step step = stampStep(part, physical, next);
				if (step != null) {
					steps.add(step);
				}
				physical = new ArrayList<>(next);
			}
			known = List.copyOf(physical);
		}
		if (purge && targets.isEmpty() && !physical.isEmpty()) {
			// a purge without targets only clears the table; with targets, rows already equal to the result stay
			steps.add(stampStep(Set.of(), physical, List.of()));
			physical = List.of();
		}
		return new Plan(Direction.STAMP, targets, rows, steps, physical);
	}

	private Step stampStep(Set<String> part, List<String> before, List<String> after) {
		List<String> deletes = new ArrayList<>(before);
		deletes.removeAll(after);
		List<String> inserts = new ArrayList<>(after);
		inserts.removeAll(before);
		if (deletes.isEmpty() && inserts.isEmpty()) {
			return null;
		}
		String updateFrom = null;
		String updateTo = null;
		if (!deletes.isEmpty() && !inserts.isEmpty()) {
			updateFrom = deletes.remove(deletes.size() - 1);
			updateTo = inserts.remove(0);
		}
		List<String> from = new ArrayList<>(deletes);
		if (updateFrom != null) {
			from.add(updateFrom);
		}
		List<String> to = new ArrayList<>();
		if (updateTo != null) {
			to.add(updateTo);
		}
		to.addAll(inserts);
		String revision = part.isEmpty() ? null : part.iterator().next();
		String message = (revision != null) ? this.graph.get(revision).message() : "";
		return new Step(Direction.STAMP, revision, message, from, to,
				new VersionChange(VersionChange.Kind.STAMP, deletes, updateFrom, updateTo, inserts));
	}

	/** The applied revisions a downgrade (or a stamp) to the destination takes away. */
	private Set<String> removedBy(Destination destination, Set<String> applied) {
		Set<String> removed = new HashSet<>();
		if (!destination.revisions().isEmpty()) {
			removed.addAll(this.graph.descendants(destination.revisions()));
			removed.removeAll(this.graph.ancestors(destination.revisions()));
		}
		if (!destination.removedRoots().isEmpty()) {
			removed.addAll(this.graph.descendants(destination.removedRoots()));
		}
		removed.retainAll(applied);
		return removed;
	}

	private void requireKnown(Collection<String> rows) {
		List<String> unknown = new ArrayList<>();
		for (String row : rows) {
			if (!this.graph.contains(row)) {
				unknown.add(row);
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownRevisionException("the version table", unknown);
		}
	}

}
