package dev.migration.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.InvalidGraphException;
import dev.migration.internal.revision.Revision;

/**
 * The revisions as an immutable, validated directed acyclic graph. Built once in linear
 * time; answers heads, bases, branch and merge points, ancestry and label lineages. No
 * I/O.
 *
 * <p>
 * Edges: a revision points to its down revisions and to its {@code depends_on} revisions.
 * Ancestry and descent follow both kinds of edge; relative walks and branch structure
 * follow down revisions only, as in Alembic.
 */
public final class RevisionGraph {

	private final Revision[] nodes;

	private final Map<String, Integer> indexById;

	private final int[][] down;

	private final int[][] dependencies;

	/** Children through down revisions only. */
	private final int[][] children;

	/** Children through down revisions and dependencies. */
	private final int[][] dependents;

	/** Position of each node in a topological order (ancestors first). */
	private final int[] order;

	private final int[] topological;

	private final Map<String, Integer> labels;

	private final List<String> heads;

	private final List<String> realHeads;

	private final List<String> bases;

	private RevisionGraph(List<Revision> revisions) {
		int size = revisions.size();
		this.nodes = revisions.toArray(new Revision[0]);
		this.indexById = new HashMap<>(size * 2);
		for (int i = 0; i < size; i++) {
			Integer previous = this.indexById.putIfAbsent(this.nodes[i].id(), i);
			if (previous != null) {
				throw InvalidGraphException.duplicateRevision(this.nodes[i].id(),
						List.of(this.nodes[previous].location(), this.nodes[i].location()));
			}
		}
		this.down = new int[size][];
		this.dependencies = new int[size][];
		int[] childCount = new int[size];
		int[] dependentCount = new int[size];
		for (int i = 0; i < size; i++) {
			this.down[i] = resolve(this.nodes[i], this.nodes[i].downRevisions(), "down_revision");
			this.dependencies[i] = resolve(this.nodes[i], this.nodes[i].dependsOn(), "depends_on");
			for (int parent : this.down[i]) {
				childCount[parent]++;
				dependentCount[parent]++;
			}
			for (int dependency : this.dependencies[i]) {
				dependentCount[dependency]++;
			}
		}
		this.children = new int[size][];
		this.dependents = new int[size][];
		for (int i = 0; i < size; i++) {
			this.children[i] = new int[childCount[i]];
			this.dependents[i] = new int[dependentCount[i]];
			childCount[i] = 0;
			dependentCount[i] = 0;
		}
		for (int i = 0; i < size; i++) {
			for (int parent : this.down[i]) {
				this.children[parent][childCount[parent]++] = i;
				this.dependents[parent][dependentCount[parent]++] = i;
			}
			for (int dependency : this.dependencies[i]) {
				this.dependents[dependency][dependentCount[dependency]++] = i;
			}
		}
		this.topological = sortTopologically();
		this.order = new int[size];
		for (int position = 0; position < size; position++) {
			this.order[this.topological[position]] = position;
		}
		this.labels = mapLabels();
		List<String> allHeads = new ArrayList<>();
		List<String> downHeads = new ArrayList<>();
		List<String> roots = new ArrayList<>();
		for (int node : this.topological) {
			if (this.dependents[node].length == 0) {
				allHeads.add(this.nodes[node].id());
			}
			if (this.children[node].length == 0) {
				downHeads.add(this.nodes[node].id());
			}
			if (this.down[node].length == 0) {
				roots.add(this.nodes[node].id());
			}
		}
		this.heads = List.copyOf(allHeads);
		this.realHeads = List.copyOf(downHeads);
		this.bases = List.copyOf(roots);
	}

	/**
	 * Builds and validates the graph.
	 * @throws dev.migration.InvalidGraphException for a duplicate id, a dangling
	 * reference, a cycle or a label used twice
	 */
	public static RevisionGraph of(List<Revision> revisions) {
		return new RevisionGraph(revisions);
	}

	private int[] resolve(Revision revision, List<String> ids, String relation) {
		int[] resolved = new int[ids.size()];
		for (int i = 0; i < resolved.length; i++) {
			Integer index = this.indexById.get(ids.get(i));
			if (index == null) {
				throw InvalidGraphException.missingRevision(revision.id(), relation, ids.get(i), revision.location());
			}
			resolved[i] = index;
		}
		return resolved;
	}

	/**
	 * Iterative depth-first post-order: ancestors before descendants, each branch kept
	 * together. The walks start from the heads, so a branch is emitted from its root up
	 * to its head before the next branch starts; the second pass over every node only
	 * matters for revisions on a cycle, which no head reaches.
	 */
	private int[] sortTopologically() {
		int size = this.nodes.length;
		int[] result = new int[size];
		int written = 0;
		byte[] state = new byte[size]; // 0 new, 1 on the stack, 2 done
		int[] stack = new int[size];
		int[] edge = new int[size];
		for (int visit = 0; visit < 2 * size; visit++) {
			int start = visit % size;
			boolean headsPass = visit < size;
			if (state[start] != 0 || (headsPass && this.dependents[start].length > 0)) {
				continue;
			}
			int depth = 0;
			stack[0] = start;
			edge[0] = 0;
			state[start] = 1;
			while (depth >= 0) {
				int node = stack[depth];
				int next = edge[depth]++;
				int[] parents = this.down[node];
				int[] deps = this.dependencies[node];
				if (next < parents.length + deps.length) {
					int parent = (next < parents.length) ? parents[next] : deps[next - parents.length];
					if (state[parent] == 1) {
						throw InvalidGraphException.cycle(cycle(stack, depth, parent));
					}
					if (state[parent] == 0) {
						state[parent] = 1;
						stack[++depth] = parent;
						edge[depth] = 0;
					}
				}
				else {
					state[node] = 2;
					result[written++] = node;
					depth--;
				}
			}
		}
		return result;
	}

	private List<String> cycle(int[] stack, int depth, int repeated) {
		// stack[from] is the repeated revision; each next entry is a down revision (or
		// dependency) of the previous
		int from = depth;
		while (stack[from] != repeated) {
			from--;
		}
		List<String> cycle = new ArrayList<>();
		for (int i = from; i <= depth; i++) {
			cycle.add(this.nodes[stack[i]].id());
		}
		return cycle;
	}

	private Map<String, Integer> mapLabels() {
		Map<String, Integer> result = new LinkedHashMap<>();
		for (int i = 0; i < this.nodes.length; i++) {
			for (String label : this.nodes[i].branchLabels()) {
				Integer previous = result.putIfAbsent(label, i);
				if (previous != null) {
					throw InvalidGraphException.duplicateBranchLabel(label,
							List.of(this.nodes[previous].id(), this.nodes[i].id()));
				}
				Integer sameId = this.indexById.get(label);
				if (sameId != null) {
					throw InvalidGraphException.duplicateBranchLabel(label, List.of(this.nodes[i].id(), label));
				}
			}
		}
		return result;
	}

	public int size() {
		return this.nodes.length;
	}

	public boolean contains(String id) {
		return this.indexById.containsKey(id);
	}

	public Revision get(String id) {
		Integer index = this.indexById.get(id);
		if (index == null) {
			throw new IllegalArgumentException("No revision " + id);
		}
		return this.nodes[index];
	}

	/** Every revision, ancestors before descendants. */
	public List<Revision> revisions() {
		List<Revision> result = new ArrayList<>(this.nodes.length);
		for (int node : this.topological) {
			result.add(this.nodes[node]);
		}
		return result;
	}

	/** Revisions nobody names as down revision or dependency. */
	public List<String> heads() {
		return this.heads;
	}

	/**
	 * Revisions nobody names as down revision; dependencies do not count. What
	 * {@code head} chooses from.
	 */
	public List<String> realHeads() {
		return this.realHeads;
	}

	/** Revisions without down revisions. */
	public List<String> bases() {
		return this.bases;
	}

	public boolean isHead(String id) {
		return this.dependents[index(id)].length == 0;
	}

	public boolean isBranchPoint(String id) {
		return this.children[index(id)].length > 1;
	}

	public boolean isMergePoint(String id) {
		return this.down[index(id)].length > 1;
	}

	/** Children through down revisions, in topological order. */
	public List<String> children(String id) {
		return sortAscending(ids(this.children[index(id)]));
	}

	public boolean hasLabel(String label) {
		return this.labels.containsKey(label);
	}

	/** All labels, each with the revision that declares it. */
	public Map<String, String> labels() {
		Map<String, String> result = new LinkedHashMap<>();
		this.labels.forEach((label, node) -> result.put(label, this.nodes[node].id()));
		return result;
	}

	/** The ids that start with the prefix. */
	public List<String> withPrefix(String prefix) {
		List<String> matches = new ArrayList<>();
		for (Revision revision : this.nodes) {
			if (revision.id().startsWith(prefix)) {
				matches.add(revision.id());
			}
		}
		Collections.sort(matches);
		return matches;
	}

	/**
	 * The revisions themselves and everything they need: down revisions and dependencies,
	 * transitively.
	 */
	public Set<String> ancestors(Collection<String> ids) {
		return collect(ids, true, true);
	}

	/** The revisions themselves and everything that needs them, transitively. */
	public Set<String> descendants(Collection<String> ids) {
		return collect(ids, false, true);
	}

	private Set<String> collect(Collection<String> ids, boolean upward, boolean inclusive) {
		BitSet seen = new BitSet(this.nodes.length);
		ArrayDeque<Integer> work = new ArrayDeque<>();
		for (String id : ids) {
			int node = index(id);
			if (!seen.get(node)) {
				seen.set(node);
				work.add(node);
			}
		}
		while (!work.isEmpty()) {
			int node = work.poll();
			if (upward) {
				push(this.down[node], seen, work);
				push(this.dependencies[node], seen, work);
			}
			else {
				push(this.dependents[node], seen, work);
			}
		}
		return toIds(seen);
	}

	private static void push(int[] next, BitSet seen, ArrayDeque<Integer> work) {
		for (int node : next) {
			if (!seen.get(node)) {
				seen.set(node);
				work.add(node);
			}
		}
	}

	/**
	 * The revisions a branch label covers, as in Alembic: the labelled revision, all its
	 * descendants through down revisions, and its ancestors down to (not including) the
	 * nearest branch point or merge point.
	 */
	public Set<String> labelLineage(String label) {
		Integer labelled = this.labels.get(label);
		if (labelled == null) {
			throw new IllegalArgumentException("No label " + label);
		}
		BitSet seen = new BitSet(this.nodes.length);
		ArrayDeque<Integer> work = new ArrayDeque<>();
		seen.set(labelled);
		work.add(labelled);
		while (!work.isEmpty()) {
			push(this.children[work.poll()], seen, work);
		}
		int node = labelled;
		while (this.down[node].length == 1) {
			int parent = this.down[node][0];
			if (this.children[parent].length > 1 || this.down[parent].length > 1) {
				break;
			}
			seen.set(parent);
			node = parent;
		}
		return toIds(seen);
	}

	/**
	 * A revision's lineage, what {@code <id>@head} picks from: its ancestors and its
	 * descendants through down revisions only, as Alembic's lineage filter does. A
	 * revision that merely depends on it is on another branch.
	 */
	public Set<String> lineage(String id) {
		int start = index(id);
		BitSet seen = reachable(start, this.down, new BitSet(this.nodes.length));
		return toIds(reachable(start, this.children, seen));
	}

	/**
	 * A revision and its ancestors through down revisions only, as Alembic's branch
	 * filter sees a branch: a revision another one merely depends on is not on its way
	 * down.
	 */
	public Set<String> ancestorsByDownRevisions(String id) {
		return toIds(reachable(index(id), this.down, new BitSet(this.nodes.length)));
	}

	/**
	 * Adds the start and every node reachable from it along the edges to {@code seen}.
	 */
	private BitSet reachable(int start, int[][] edges, BitSet seen) {
		ArrayDeque<Integer> work = new ArrayDeque<>();
		seen.set(start);
		work.add(start);
		while (!work.isEmpty()) {
			push(edges[work.poll()], seen, work);
		}
		return seen;
	}

	/** Sorts ids into topological order: ancestors first. */
	public List<String> sortAscending(Collection<String> ids) {
		int[] positions = new int[ids.size()];
		int i = 0;
		for (String id : ids) {
			positions[i++] = this.order[index(id)];
		}
		Arrays.sort(positions);
		List<String> result = new ArrayList<>(positions.length);
		for (int position : positions) {
			result.add(this.nodes[this.topological[position]].id());
		}
		return result;
	}

	/**
	 * Among the given applied revisions, those that no other of them needs: what the
	 * version table stores.
	 */
	public List<String> headsOf(Collection<String> applied) {
		Set<String> set = (applied instanceof Set<String> s) ? s : Set.copyOf(applied);
		List<String> result = new ArrayList<>();
		for (String id : sortAscending(set)) {
			boolean needed = false;
			for (int dependent : this.dependents[index(id)]) {
				if (set.contains(this.nodes[dependent].id())) {
					needed = true;
					break;
				}
			}
			if (!needed) {
				result.add(id);
			}
		}
		return result;
	}

	/**
	 * Down revisions plus dependencies, leaving out any of them that another one already
	 * needs: the rows a revision replaces on upgrade and leaves behind on downgrade, so
	 * only heads of what is applied are ever stored.
	 */
	public List<String> normalizedDownRevisions(String id) {
		int node = index(id);
		List<String> candidates = new ArrayList<>(ids(this.down[node]));
		for (String dependency : ids(this.dependencies[node])) {
			if (!candidates.contains(dependency)) {
				candidates.add(dependency);
			}
		}
		if (candidates.size() < 2) {
			return candidates;
		}
		// everything strictly below some candidate: the ancestors of all the candidates'
		// own parents
		Set<String> parents = new HashSet<>();
		for (String candidate : candidates) {
			int candidateNode = index(candidate);
			parents.addAll(ids(this.down[candidateNode]));
			parents.addAll(ids(this.dependencies[candidateNode]));
		}
		Set<String> neededByOthers = ancestors(parents);
		List<String> result = new ArrayList<>(candidates.size());
		for (String candidate : candidates) {
			if (!neededByOthers.contains(candidate)) {
				result.add(candidate);
			}
		}
		return result;
	}

	private int index(String id) {
		Integer index = this.indexById.get(id);
		if (index == null) {
			throw new IllegalArgumentException("No revision " + id);
		}
		return index;
	}

	private List<String> ids(int[] indexes) {
		List<String> result = new ArrayList<>(indexes.length);
		for (int index : indexes) {
			result.add(this.nodes[index].id());
		}
		return result;
	}

	private Set<String> toIds(BitSet seen) {
		Set<String> result = new LinkedHashSet<>();
		for (int position = 0; position < this.topological.length; position++) {
			int node = this.topological[position];
			if (seen.get(node)) {
				result.add(this.nodes[node].id());
			}
		}
		return result;
	}

}
