package dev.migration;

import java.util.List;

import dev.migration.operations.Operations;

/**
 * A revision written in Java. It carries the same metadata as a SQL revision file and
 * joins the same graph.
 *
 * <pre>{@code
 * public final class BackfillNames implements JavaRevision {
 *     public String id() { return "7d2e41c0b9aa"; }
 *     public List<String> downRevisions() { return List.of("3f1c2a9b7d10"); }
 *     public String message() { return "Backfill display names"; }
 *     public void upgrade(Operations operations) { operations.execute("UPDATE users SET name = username"); }
 *     public void downgrade(Operations operations) { operations.execute("UPDATE users SET name = NULL"); }
 * }
 * }</pre>
 *
 * A revision that does not override {@link #downgrade} is irreversible: downgrading
 * through it is refused before anything runs.
 */
public interface JavaRevision {

	/** The revision id: {@code [A-Za-z0-9_]{1,32}}. */
	String id();

	/** Its down revisions: empty for a root, two or more for a merge. */
	List<String> downRevisions();

	default String message() {
		return "";
	}

	default List<String> branchLabels() {
		return List.of();
	}

	default List<String> dependsOn() {
		return List.of();
	}

	/**
	 * {@code false} runs the revision outside a transaction (e.g.
	 * {@code CREATE INDEX CONCURRENTLY}).
	 */
	default boolean transactional() {
		return true;
	}

	void upgrade(Operations operations) throws Exception;

	default void downgrade(Operations operations) throws Exception {
		throw new UnsupportedOperationException("Revision " + id() + " is irreversible");
	}

}
