package dev.migration;

import java.time.Instant;
import java.util.List;

/**
 * One row of the history table.
 *
 * @param id the row's id, increasing
 * @param revision the revision the step ran ({@code null} for a stamp to base)
 * @param direction upgrade, downgrade or stamp
 * @param downRevisions the revision's down revisions
 * @param message the revision's message
 * @param checksum the checksum of its source when it ran
 * @param appliedAt when the step ended (UTC)
 * @param appliedBy the database user or the principal who ran it
 * @param durationMs how long it took
 * @param success whether it committed
 */
public record HistoryEntry(long id, String revision, Direction direction, List<String> downRevisions, String message,
		String checksum, Instant appliedAt, String appliedBy, long durationMs, boolean success) {

	public HistoryEntry {
		downRevisions = List.copyOf(downRevisions);
	}

}
