package dev.migration;

import java.util.List;

/**
 * The exact change one step makes to the version table, following Alembic's head
 * maintenance: rows are deleted, then at most one row is updated in place, then rows are
 * inserted. Every delete and update must touch exactly one row when executed.
 *
 * @param kind what sort of change this is, for display
 * @param deletes rows to delete
 * @param updateFrom the row to update, or {@code null}
 * @param updateTo its new value, or {@code null}
 * @param inserts rows to insert
 */
public record VersionChange(Kind kind, List<String> deletes, String updateFrom, String updateTo, List<String> inserts) {

	public VersionChange {
		deletes = List.copyOf(deletes);
		inserts = List.copyOf(inserts);
	}

	public static VersionChange insert(String revision) {
		return new VersionChange(Kind.INSERT, List.of(), null, null, List.of(revision));
	}

	public static VersionChange delete(String revision) {
		return new VersionChange(Kind.DELETE, List.of(revision), null, null, List.of());
	}

	public static VersionChange update(String from, String to) {
		return new VersionChange(Kind.UPDATE, List.of(), from, to, List.of());
	}

	public boolean hasUpdate() {
		return this.updateFrom != null;
	}

	public boolean isEmpty() {
		return this.deletes.isEmpty() && this.inserts.isEmpty() && !hasUpdate();
	}

	public enum Kind {

		/** A new branch starts: one row inserted. */
		INSERT,
		/**
		 * A branch ends (downgrade below its base, or into another branch's ancestry):
		 * one row deleted.
		 */
		DELETE,
		/** One row moves to its child or parent. */
		UPDATE,
		/** A merge revision joins several rows into one. */
		MERGE,
		/** A merge revision is reverted: one row becomes several. */
		UNMERGE,
		/** A stamp: any rows replaced by any others. */
		STAMP

	}

}
