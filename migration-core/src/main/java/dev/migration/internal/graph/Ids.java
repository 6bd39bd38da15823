package dev.migration.internal.graph;

import java.util.Collection;

/**
 * How revision ids, and no revision at all ("base"), read in targets, messages and
 * scripts: one place, so that every command says it alike.
 */
public final class Ids {

	/**
	 * The position before the first revision, and the target that names it, as in
	 * Alembic.
	 */
	public static final String BASE = "base";

	private Ids() {
	}

	/** The ids separated by commas, or {@code base} when there are none. */
	public static String list(Collection<String> ids) {
		return ids.isEmpty() ? BASE : String.join(", ", ids);
	}

	/**
	 * The ids as Alembic's {@code history} shows a revision's parents: {@code <base>}
	 * when there are none.
	 */
	public static String bracketed(Collection<String> ids) {
		return ids.isEmpty() ? "<" + BASE + ">" : String.join(", ", ids);
	}

	/**
	 * Where a database's version rows put it: the ids, or that no revision is applied.
	 */
	public static String position(Collection<String> rows) {
		return rows.isEmpty() ? BASE + " (no revision applied)" : String.join(", ", rows);
	}

	/** One id, or {@code base} for none ({@code null}). */
	public static String of(String id) {
		return (id != null) ? id : BASE;
	}

}
