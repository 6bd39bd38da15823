package dev.migration;

import java.util.List;

/**
 * The revisions form a cycle (a revision that names itself is a cycle of one).
 */
public final class CycleException extends InvalidGraphException {

	private static final long serialVersionUID = 1L;

	public CycleException(List<String> cycle) {
		super(cycle.size() == 1
				? "Revision " + cycle.get(0) + " names itself as down revision or dependency (a self-loop). Remove that reference."
				: "Revisions form a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
						+ ". Fix the down_revision or depends_on of one of them.",
				cycle);
	}

}
