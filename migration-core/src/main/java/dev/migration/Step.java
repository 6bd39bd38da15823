package dev.migration;

import java.util.List;

/**
 * One step of a {@link Plan}: a revision applied, reverted or stamped, and its change to
 * the version table.
 *
 * @param direction upgrade, downgrade or stamp
 * @param revision the revision this step runs, or {@code null} for a stamp to base
 * @param message the revision's message
 * @param from the revisions the step starts from (empty: base)
 * @param to the revisions the step ends at (empty: base)
 * @param versionChange the rows written to the version table
 */
public record Step(Direction direction, String revision, String message, List<String> from, List<String> to,
		VersionChange versionChange) {

	public Step {
		from = List.copyOf(from);
		to = List.copyOf(to);
	}

	/**
	 * Alembic's log line as the step starts:
	 * {@code Running upgrade <from> -> <to>, <message>}.
	 */
	public String logLine() {
		boolean stamp = this.direction == Direction.STAMP;
		String line = "Running " + (stamp ? "stamp_revision" : this.direction.word()) + " "
				+ String.join(", ", this.from) + " -> " + String.join(", ", this.to);
		return (stamp || this.message == null || this.message.isEmpty()) ? line : line + ", " + this.message;
	}

}
