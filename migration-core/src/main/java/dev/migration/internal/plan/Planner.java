package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.UnknownRevisionException;
import dev.migration.VersionChange;
import dev.migration.internal.graph.Destination;
import dev.migration.internal.graph.Ids;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.graph.TargetResolver;
import dev.migration.internal.revision.Revision;

/**
 * Turns the current version rows and a target into a {@link Plan}. Pure: no I/O, so every
 * command, {@code --sql} and the endpoint's dry run see the same steps.
 */
public final class Planner {

	private final RevisionGraph graph;

	public Planner(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * Applies every revision the target needs that is not applied yet, ancestors first.
	 */
	public Plan upgrade(List<String> rows, String target) {
		requireKnown(rows);
		OptionalInt relative = TargetResolver.stepsFromCurrent(target);
		if (relative.isPresent() && relative.getAsInt() < 0) {
			// Alembic refuses this too ("Relative revision -2 didn't produce 2
			// migrations"); a no-op would hide a typo
			throw new TargetException(target, "Relative target '" + target + "' goes down, but upgrade only goes up. "
					+ "Nothing was run. To revert, use: downgrade " + target, List.of());
		}
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
	 * Reverts every applied revision above the target, descendants first. The target must
	 * be applied; a revision without downgrade on the way refuses the whole plan.
	 */
	public Plan downgrade(List<String> rows, String target) {
		requireKnown(rows);
		OptionalInt relative = TargetResolver.stepsFromCurrent(target);
		if (relative.isPresent() && relative.getAsInt() > 0) {
			throw new TargetException(target, "Relative target '" + target + "' goes up, but downgrade only goes down. "
					+ "Nothing was run. To apply more, use: upgrade " + target, List.of());
		}
		Destination destination = new TargetResolver(this.graph, rows).resolve(target);
		Set<String> applied = this.graph.ancestors(rows);
		List<String> notApplied = new ArrayList<>();
		for (String revision : destination.revisions()) {
			if (!applied.contains(revision)) {
				notApplied.add(revision);
			}
		}
		if (!notApplied.isEmpty()) {
			throw new TargetException(target,
					"Cannot downgrade to '" + target + "': " + String.join(", ", notApplied)
							+ (notApplied.size() == 1 ? " is" : " are") + " not applied (current: " + Ids.list(rows)
							+ "). Nothing was run. Use upgrade to go " + "forward.",
					notApplied);
		}
		if (destination.revisions().size() > 1) {
			throw new TargetException(target,
					"Cannot downgrade to '" + target + "': it names several revisions ("
							+ String.join(", ", this.graph.sortAscending(destination.revisions()))
							+ "). Nothing was run. " + "Name one of them.",
					this.graph.sortAscending(destination.revisions()));
		}
		List<String> removed = this.graph.sortAscending(reverted(target, destination, applied));
		if (removed.isEmpty() && !destination.revisions().isEmpty() && !rows.containsAll(destination.revisions())) {
			// as Alembic: the target is applied, but nothing that stands on it is (only
			// revisions that depend on it)
			String revision = destination.revisions().iterator().next();
			throw new TargetException(target,
					"Cannot downgrade to '" + target + "': nothing "
							+ (destination.branch() != null ? "of branch " + destination.branch() + " " : "") + "above "
							+ revision + " is applied (current: " + String.join(", ", rows) + "). Nothing was run."
							+ " Name a revision the current ones stand on, or a branch that is applied.",
					List.of(revision));
		}
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
	 * Sets the version rows to the targets without running anything, one step per target
	 * revision, as Alembic's stamp does: each target revision replaces every row that
	 * shares its lineage (its ancestors and descendants), upward or downward, across
	 * merge points too, and with a {@code label@} prefix every row of that label's
	 * lineage as well; a target no row is related to adds a row; {@code base} deletes
	 * every row, {@code label@base} the rows of that branch's lineage. With {@code purge}
	 * the rows start empty (and may hold unknown revisions).
	 */
	public Plan stamp(List<String> rows, List<String> targets, boolean purge) {
		if (!purge) {
			requireKnown(rows);
		}
		// with purge the rows start empty for planning; the first step's change still
		// deletes what the table holds
		List<String> logical = purge ? List.of() : List.copyOf(rows);
		List<String> physical = List.copyOf(rows);
		List<Step> steps = new ArrayList<>();
		for (String target : targets) {
			Destination destination = new TargetResolver(this.graph, logical).resolve(target);
			List<String> revisions = this.graph.sortAscending(destination.revisions());
			if (revisions.isEmpty()) {
				// label@base empties that branch's rows only; base, or a walk off a root,
				// the rows above the roots
				Set<String> lineage = (destination.branch() != null) ? Set.of(destination.branch())
						: destination.removedRoots();
				List<String> next = new ArrayList<>(logical);
				next.removeAll(sharingLineage(logical, lineage));
				addStep(steps, stampStep(Set.of(), physical, next));
				logical = List.copyOf(next);
				physical = logical;
			}
			// the revisions of one target act together, as Alembic's stamp: the rows
			// related to any of them (and,
			// with a label@ prefix, that label's rows) give way to all of them; a step
			// per revision shows the way
			List<String> before = logical;
			for (int i = 0; i < revisions.size(); i++) {
				List<String> next = stampedRows(before, revisions.subList(0, i + 1), destination.branch());
				addStep(steps, stampStep(Set.of(revisions.get(i)), physical, next));
				logical = next;
				physical = logical;
			}
		}
		if (purge && targets.isEmpty() && !rows.isEmpty()) {
			// a purge without targets only clears the table; with targets, rows already
			// equal to the result stay
			steps.add(stampStep(Set.of(), rows, List.of()));
			physical = List.of();
		}
		return new Plan(Direction.STAMP, targets, rows, steps, physical);
	}

	private static void addStep(List<Step> steps, Step step) {
		if (step != null) {
			steps.add(step);
		}
	}

	/**
	 * The rows after stamping the given revisions over {@code rows}: the rows related to
	 * any of them give way (and those of the branch, with a prefix, when any did), the
	 * revisions join, and only the heads of that are kept.
	 */
	private List<String> stampedRows(List<String> rows, List<String> revisions, String branch) {
		// a row that is one of the revisions stays where it is, and replaces nothing
		// (Alembic skips it)
		Set<String> replaced = new LinkedHashSet<>(sharingLineage(rows, new LinkedHashSet<>(revisions)));
		replaced.removeAll(revisions);
		if (!replaced.isEmpty() && branch != null) {
			replaced.addAll(sharingLineage(rows, Set.of(branch)));
			replaced.removeAll(revisions);
		}
		Set<String> result = new LinkedHashSet<>(rows);
		result.removeAll(replaced);
		result.addAll(revisions);
		List<String> heads = this.graph.headsOf(this.graph.ancestors(result));
		List<String> ordered = new ArrayList<>();
		for (String row : result) {
			if (heads.contains(row)) {
				ordered.add(row);
			}
		}
		return ordered;
	}

	/**
	 * The rows that are an ancestor or a descendant of one of the given revisions
	 * (Alembic's lineage filter).
	 */
	private List<String> sharingLineage(List<String> rows, Set<String> revisions) {
		Set<String> related = new HashSet<>(this.graph.ancestors(revisions));
		related.addAll(this.graph.descendants(revisions));
		List<String> sharing = new ArrayList<>();
		for (String row : rows) {
			if (related.contains(row)) {
				sharing.add(row);
			}
		}
		return sharing;
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

	/**
	 * The applied revisions a downgrade to the destination reverts, as Alembic collects
	 * them: everything above the target's children (through down revisions), with what
	 * depends on those; a revision that only depends on the target stays, as the target
	 * stays. With a branch prefix, only the children on the way to the branch's revision
	 * count, so the other branches stay applied.
	 */
	private Set<String> reverted(String target, Destination destination, Set<String> applied) {
		Set<String> roots = new LinkedHashSet<>();
		if (!destination.revisions().isEmpty()) {
			for (String revision : destination.revisions()) {
				roots.addAll(this.graph.children(revision));
			}
			roots.removeAll(this.graph.ancestors(destination.revisions()));
			if (destination.branch() != null && roots.size() > 1) {
				Set<String> branchLine = this.graph.ancestorsByDownRevisions(destination.branch());
				roots.retainAll(branchLine);
				if (roots.isEmpty()) {
					throw new TargetException(target,
							"Cannot downgrade to '" + target + "': branch " + destination.branch()
									+ " does not go up from " + String.join(", ", destination.revisions())
									+ ". Nothing was run. Name a branch that does, or drop " + "the prefix.",
							List.copyOf(destination.revisions()));
				}
			}
		}
		roots.addAll(destination.removedRoots());
		Set<String> removed = new HashSet<>(this.graph.descendants(roots));
		removed.removeAll(this.graph.ancestors(destination.revisions()));
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
