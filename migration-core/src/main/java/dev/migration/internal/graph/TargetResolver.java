package dev.migration.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.AmbiguousRevisionException;
import dev.migration.MultipleHeadsException;
import dev.migration.TargetException;

/**
 * Resolves every target form of the contract with Alembic's meaning: {@code heads},
 * {@code head}, {@code base}, full ids and unique prefixes, {@code +N}/{@code -N},
 * {@code <id>+N}/{@code <id>-N}, {@code head-N}, {@code base+N}, and
 * {@code <label>@head}, {@code @heads}, {@code @base}, {@code @+N}, {@code @-N},
 * {@code @head-N}, {@code @base+N}, {@code @<id>}, {@code @<label>} where the label may
 * be a revision id (its lineage). A bare label means the revision that declares it, as in
 * Alembic. A prefix also names the branch a downgrade or stamp is scoped to
 * ({@link Destination#branch()}).
 */
public final class TargetResolver {

	private static final Pattern RELATIVE = Pattern.compile("([A-Za-z0-9_]*)([+-])(\\d+)");

	private final RevisionGraph graph;

	private final List<String> currentRows;

	public TargetResolver(RevisionGraph graph, Collection<String> currentRows) {
		this.graph = graph;
		this.currentRows = List.copyOf(currentRows);
	}

	/**
	 * Whether the target steps from the current revisions ({@code +N}, {@code -N},
	 * {@code <label>@+N}, ...) and so needs the database's version rows to resolve.
	 */
	public static boolean isRelativeToCurrent(String target) {
		String trimmed = (target != null) ? target.trim() : "";
		Matcher relative = RELATIVE.matcher(trimmed.substring(trimmed.indexOf('@') + 1));
		return relative.matches() && relative.group(1).isEmpty();
	}

	public Destination resolve(String target) {
		String trimmed = (target != null) ? target.trim() : "";
		if (trimmed.isEmpty()) {
			throw new TargetException("", "No target given. Use heads, head, base, a revision id, +N or -N.",
					List.of());
		}
		int at = trimmed.indexOf('@');
		if (at >= 0) {
			return resolveInBranch(trimmed, trimmed.substring(0, at), trimmed.substring(at + 1));
		}
		switch (trimmed) {
			case "heads":
				return Destination.of(new LinkedHashSet<>(this.graph.heads()));
			case "head":
				// no revisions at all: head is base, so "upgrade head" on a new project
				// does nothing (Alembic #258)
				return (this.graph.size() == 0) ? Destination.of(Set.of())
						: Destination.of(Set.of(singleHead(trimmed, this.graph.realHeads())));
			case Ids.BASE:
				return Destination.base(Set.copyOf(this.graph.bases()));
			default:
		}
		Matcher relative = RELATIVE.matcher(trimmed);
		if (relative.matches()) {
			return relative(trimmed, relative, null);
		}
		return Destination.of(Set.of(revisionOrLabel(trimmed, trimmed)));
	}

	private Destination resolveInBranch(String target, String name, String rest) {
		Branch branch = branch(target, name);
		return resolveWithin(target, name, rest, branch).inBranch(branch.anchor());
	}

	private Destination resolveWithin(String target, String name, String rest, Branch branch) {
		Set<String> lineage = branch.members();
		switch (rest) {
			case "head":
				return Destination.of(Set.of(singleHead(target, headsWithin(lineage))));
			case "heads":
				return Destination.of(new LinkedHashSet<>(headsWithin(lineage)));
			case Ids.BASE:
				return Destination.base(rootsWithin(lineage));
			default:
		}
		Matcher relative = RELATIVE.matcher(rest);
		if (relative.matches()) {
			return relative(target, relative, branch);
		}
		return Destination.of(Set.of(onBranch(target, name, rest, branch)));
	}

	/**
	 * A relative step ({@code +2}, {@code -1}, {@code ae10+2}) from the current rows or
	 * from a revision, within the branch or, when it is {@code null}, the whole graph.
	 */
	private Destination relative(String target, Matcher relative, Branch branch) {
		int steps = steps(target, relative);
		if (relative.group(1).isEmpty()) {
			return walkFromCurrent(target, branch, steps);
		}
		return walk(target, start(target, relative.group(1), branch), steps, (branch != null) ? branch.reach() : null);
	}

	/** A revision (id, unique prefix or label) that must share the branch's lineage. */
	private String onBranch(String target, String name, String idOrLabel, Branch branch) {
		String revision = (!this.graph.contains(idOrLabel) && this.graph.hasLabel(idOrLabel))
				? this.graph.labels().get(idOrLabel) : revisionInBranch(target, idOrLabel, branch.reach());
		// like Alembic, a revision below the branch point still shares the branch's
		// lineage
		if (!branch.reach().contains(revision)) {
			throw new TargetException(target,
					"Revision " + revision + " is not on branch '" + name
							+ "'. Nothing was run. Pick a revision of that branch, or drop the '" + name + "@' prefix.",
					List.of(revision));
		}
		return revision;
	}

	/**
	 * Where a relative walk with a symbol starts: {@code head} (of the branch, if any)
	 * for {@code head-N}, {@code null} (base) for {@code base+N}, else a revision id,
	 * prefix or label. {@code branch == null}: the whole graph.
	 */
	private String start(String target, String symbol, Branch branch) {
		if (symbol.equals("head") || symbol.equals("heads")) {
			return singleHead(target, (branch == null) ? this.graph.realHeads() : headsWithin(branch.members()));
		}
		if (symbol.equals(Ids.BASE)) {
			return null;
		}
		return (branch == null) ? revisionOrLabel(target, symbol) : onBranch(target, symbol, symbol, branch);
	}

	/**
	 * The steps of a target relative to the current revisions ({@code +N}, {@code -N},
	 * {@code <label>@+N}, {@code <label>@-N}), or empty for every other form: those are
	 * the forms that have a direction of their own.
	 */
	public static OptionalInt stepsFromCurrent(String target) {
		String trimmed = (target != null) ? target.trim() : "";
		String rest = trimmed.substring(trimmed.indexOf('@') + 1);
		Matcher relative = RELATIVE.matcher(rest);
		if (!relative.matches() || !relative.group(1).isEmpty()) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(steps(trimmed, relative));
	}

	private Branch branch(String target, String branch) {
		if (this.graph.hasLabel(branch)) {
			String labelled = this.graph.labels().get(branch);
			return new Branch(this.graph.labelLineage(branch), this.graph.lineage(labelled), labelled);
		}
		if (this.graph.contains(branch)) {
			return Branch.of(branch, this.graph.lineage(branch));
		}
		List<String> candidates = this.graph.withPrefix(branch);
		if (candidates.size() == 1) {
			return Branch.of(candidates.get(0), this.graph.lineage(candidates.get(0)));
		}
		if (candidates.size() > 1) {
			throw new AmbiguousRevisionException(branch, candidates);
		}
		throw new TargetException(target, "No branch label or revision '" + branch + "' (in target '" + target
				+ "'). Nothing was run. Known labels: "
				+ (this.graph.labels().isEmpty() ? "none" : String.join(", ", this.graph.labels().keySet())) + ".",
				List.of());
	}

	/**
	 * The heads of a branch, where {@code depends_on} edges do not count (Alembic filters
	 * its {@code heads} the same way): a labelled revision that another branch only
	 * depends on is still the head of its own branch.
	 */
	private List<String> headsWithin(Set<String> lineage) {
		List<String> heads = new ArrayList<>();
		for (String head : this.graph.realHeads()) {
			if (lineage.contains(head)) {
				heads.add(head);
			}
		}
		return heads;
	}

	private Set<String> rootsWithin(Set<String> lineage) {
		Set<String> roots = new LinkedHashSet<>();
		for (String member : lineage) {
			boolean parentInside = false;
			for (String down : this.graph.get(member).downRevisions()) {
				parentInside |= lineage.contains(down);
			}
			if (!parentInside) {
				roots.add(member);
			}
		}
		return roots;
	}

	private String singleHead(String target, List<String> heads) {
		if (heads.size() > 1) {
			throw new MultipleHeadsException(target, heads);
		}
		if (heads.isEmpty()) {
			throw new TargetException(target, "Target '" + target + "' has no head: there are no revisions.",
					List.of());
		}
		return heads.get(0);
	}

	/**
	 * An exact id, else a label (the revision that declares it, as in Alembic), else a
	 * unique prefix.
	 */
	private String revisionOrLabel(String target, String name) {
		if (this.graph.contains(name)) {
			return name;
		}
		if (this.graph.hasLabel(name)) {
			return this.graph.labels().get(name);
		}
		return revision(target, name);
	}

	/**
	 * Like {@link #revision}, but a prefix that several revisions share is narrowed to
	 * those on the branch.
	 */
	private String revisionInBranch(String target, String idOrPrefix, Set<String> lineage) {
		if (!this.graph.contains(idOrPrefix)) {
			List<String> onBranch = new ArrayList<>(this.graph.withPrefix(idOrPrefix));
			onBranch.retainAll(lineage);
			if (onBranch.size() == 1) {
				return onBranch.get(0);
			}
			if (onBranch.size() > 1) {
				throw new AmbiguousRevisionException(idOrPrefix, onBranch);
			}
		}
		return revision(target, idOrPrefix);
	}

	private String revision(String target, String idOrPrefix) {
		if (this.graph.contains(idOrPrefix)) {
			return idOrPrefix;
		}
		List<String> candidates = this.graph.withPrefix(idOrPrefix);
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		if (candidates.size() > 1) {
			throw new AmbiguousRevisionException(idOrPrefix, candidates);
		}
		throw new TargetException(target, "No revision '" + idOrPrefix + "' (target '" + target
				+ "'). Nothing was run. Use heads, head, base, a revision id or unique prefix, a label, +N or -N; "
				+ "'history' lists the revisions.", List.of());
	}

	private static int steps(String target, Matcher relative) {
		int count;
		try {
			count = Integer.parseInt(relative.group(3));
		}
		catch (NumberFormatException ex) {
			throw new TargetException(target, "Relative target '" + target + "' has too many steps.", List.of());
		}
		return relative.group(2).equals("-") ? -count : count;
	}

	/** {@code branch == null}: the whole graph. */
	private Destination walkFromCurrent(String target, Branch branch, int steps) {
		List<String> current = new ArrayList<>();
		for (String row : this.currentRows) {
			if (branch == null || branch.members().contains(row)) {
				current.add(row);
			}
		}
		if (current.isEmpty() && branch != null) {
			// no row is on the branch: start from what of it is applied by implication (a
			// dependency of another
			// row), or, upward, from the applied revisions below it, as Alembic does;
			// downward, Alembic would walk
			// from below the branch and revert revisions of other branches: refused below
			current = appliedTips((steps > 0) ? branch.reach() : branch.members());
		}
		if (current.size() > 1) {
			throw new TargetException(target,
					"Relative target '" + target + "' starts from several current revisions ("
							+ String.join(", ", current) + "). Nothing was run. Name a branch (<label>@" + signed(steps)
							+ ") or a revision (<id>" + signed(steps) + ").",
					current);
		}
		if (current.isEmpty() && steps < 0) {
			throw new TargetException(target, "Relative target '" + target + "' goes below base: nothing"
					+ (branch == null ? "" : " on that branch") + " is applied. Nothing was run.", List.of());
		}
		return walk(target, current.isEmpty() ? null : current.get(0), steps, (branch != null) ? branch.reach() : null);
	}

	/**
	 * The highest applied revisions among the given ones: those without an applied child
	 * among them.
	 */
	private List<String> appliedTips(Set<String> within) {
		List<String> known = new ArrayList<>();
		for (String row : this.currentRows) {
			if (this.graph.contains(row)) {
				known.add(row);
			}
		}
		Set<String> applied = new LinkedHashSet<>(this.graph.ancestors(known));
		applied.retainAll(within);
		List<String> tips = new ArrayList<>();
		for (String revision : applied) {
			boolean childApplied = false;
			for (String child : this.graph.children(revision)) {
				childApplied |= applied.contains(child);
			}
			if (!childApplied) {
				tips.add(revision);
			}
		}
		return tips;
	}

	private static String signed(int steps) {
		return (steps < 0 ? "-" : "+") + Math.abs(steps);
	}

	/**
	 * Walks down revision edges; {@code from == null} is base. Upward, only revisions in
	 * {@code reach} count (all when {@code null}). A fork, a merge or the end of the
	 * graph is an error.
	 */
	private Destination walk(String target, String from, int steps, Set<String> reach) {
		String position = from;
		String root = null;
		for (int step = 0; step < Math.abs(steps); step++) {
			if (steps > 0) {
				List<String> next = new ArrayList<>();
				for (String candidate : (position == null) ? this.graph.bases() : this.graph.children(position)) {
					if (reach == null || reach.contains(candidate)) {
						next.add(candidate);
					}
				}
				position = onlyOne(target, position, next, "forks");
			}
			else {
				if (position == null) {
					throw new TargetException(target, "Relative target '" + target + "' walks below base"
							+ (from == null ? "" : " (from " + from + ")") + ". Nothing was run.", List.of());
				}
				List<String> down = this.graph.get(position).downRevisions();
				if (down.isEmpty()) {
					root = position;
					position = null;
				}
				else {
					position = onlyOne(target, position, down, "is a merge point");
				}
			}
		}
		if (position == null) {
			return Destination.base((root != null) ? Set.of(root) : Set.of());
		}
		return Destination.of(Set.of(position));
	}

	private String onlyOne(String target, String position, List<String> next, String fork) {
		String where = Ids.of(position);
		if (next.isEmpty()) {
			throw new TargetException(target, "Relative target '" + target + "' runs off the graph at " + where
					+ " (nothing above it). Nothing was run.", List.of(where));
		}
		if (next.size() > 1) {
			throw new TargetException(target,
					"Relative target '" + target + "' is ambiguous: " + where + " " + fork + " ("
							+ String.join(", ", next) + "). Nothing was run. Name a branch label or a revision id.",
					next);
		}
		return next.get(0);
	}

	/**
	 * A branch named in a target.
	 *
	 * @param members what {@code @head}, {@code @heads}, {@code @base}, {@code @<id>} and
	 * the current revision of a relative walk are taken from: a label's lineage, or an
	 * id's ancestors and descendants
	 * @param reach where an upward walk may go: the members plus the revisions below them
	 * down to the roots, so {@code label@+1} from base takes one step towards the branch
	 * @param anchor the revision the prefix names: the labelled revision, or the id
	 */
	private record Branch(Set<String> members, Set<String> reach, String anchor) {

		static Branch of(String id, Set<String> lineage) {
			return new Branch(lineage, lineage, id);
		}

	}

}
