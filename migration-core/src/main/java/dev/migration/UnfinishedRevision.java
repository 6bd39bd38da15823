package dev.migration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A non-transactional revision that was started and did not finish: its process was
 * killed, lost its connection or lock, or a statement failed half way (or, on SQLite,
 * another process is still running it). What it did before stays in the database, so no
 * upgrade or downgrade moves past it until an operator has repaired the database and run
 * {@code stamp}.
 *
 * @param historyId the id of its row in the history table (the claim written before its
 * first statement)
 * @param revision the revision
 * @param direction upgrade or downgrade
 * @param downRevisions the revision's down revisions
 * @param startedAt when it started (UTC)
 * @param startedBy the database user or principal that started it
 * @param failed whether its process recorded a failure; {@code false} when it was
 * interrupted (or still runs)
 */
public record UnfinishedRevision(long historyId, String revision, Direction direction, List<String> downRevisions,
		Instant startedAt, String startedBy, boolean failed) {

	public UnfinishedRevision {
		downRevisions = List.copyOf(downRevisions);
	}

	/**
	 * The revisions to stamp when the operator undid what it did: where the database was
	 * before the step.
	 */
	public List<String> stampIfUndone() {
		return (this.direction == Direction.UPGRADE) ? baseIfEmpty(this.downRevisions) : List.of(this.revision);
	}

	/**
	 * The revisions to stamp when the operator completed it by hand: where the step would
	 * have taken it.
	 */
	public List<String> stampIfCompleted() {
		return (this.direction == Direction.UPGRADE) ? List.of(this.revision) : baseIfEmpty(this.downRevisions);
	}

	/** What happened and the way out, as every command reports it. */
	public String describe() {
		String when = (this.startedAt != null) ? this.startedAt.truncatedTo(ChronoUnit.SECONDS).toString() : "?";
		return "Revision " + this.revision + " (" + this.direction.word() + ", not transactional) was started by "
				+ this.startedBy + " at " + when + " and did not finish: "
				+ (this.failed ? "it failed half way"
						: "it was interrupted (its process was killed, disconnected or lost the migration lock) or "
								+ "is still running")
				+ ". What it did stays in the database, and no upgrade or downgrade moves past it: repair the "
				+ "database by hand, then run 'stamp " + String.join(" ", stampIfUndone())
				+ "' if you undid what it did, or 'stamp " + String.join(" ", stampIfCompleted())
				+ "' if you completed it.";
	}

	/** What a stamp that cleared this mark reports. */
	public String describeCleared() {
		return "The stamp cleared the mark of revision " + this.revision + " (" + this.direction.word() + ", started "
				+ ((this.startedAt != null) ? this.startedAt.truncatedTo(ChronoUnit.SECONDS) : "?")
				+ ", not finished): the database is taken to be repaired by hand.";
	}

	private static List<String> baseIfEmpty(List<String> revisions) {
		return revisions.isEmpty() ? List.of("base") : revisions;
	}

}
