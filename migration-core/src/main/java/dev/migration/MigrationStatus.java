package dev.migration;

import java.util.List;

/**
 * Where the database stands, read in one query: what {@code GET /actuator/migrations},
 * the health indicator, fail-on-pending and the command line's {@code current} and
 * {@code history --indicate-current} show. Made by {@link Migrations#status()}; nothing
 * here is computed by the callers.
 *
 * @param current the version rows (empty at base)
 * @param heads the heads of the revision graph
 * @param target what {@code pending} leads to, e.g. {@code heads}
 * @param pending what an upgrade to the target would apply, in order; when that upgrade
 * cannot be planned (see {@code pendingFailure}), every revision not applied, oldest
 * first
 * @param revisions every revision, newest first, with its applied state
 * @param history the latest rows of the history table, newest first
 * @param unfinished the non-transactional revisions that were started and did not finish
 * (almost always none)
 * @param pendingFailure why an upgrade to the target cannot be planned (e.g. a version
 * row no revision file has), or {@code null}
 */
public record MigrationStatus(List<String> current, List<String> heads, String target, List<String> pending,
		List<RevisionStatus> revisions, List<HistoryEntry> history, List<UnfinishedRevision> unfinished,
		MigrationException pendingFailure) {

	/**
	 * The latest history rows a status reads unless told otherwise: what the actuator
	 * endpoint shows.
	 */
	public static final int DEFAULT_HISTORY_LIMIT = 100;

	public MigrationStatus {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		revisions = List.copyOf(revisions);
		history = List.copyOf(history);
		unfinished = List.copyOf(unfinished);
	}

	/** Whether nothing is pending on the way to the target. */
	public boolean upToDate() {
		return this.pending.isEmpty();
	}

	/**
	 * This status, when an upgrade to the target can be planned: what a caller that takes
	 * {@code pending} as exact (health, fail-on-pending) reads.
	 * @return this status
	 * @throws MigrationException the {@code pendingFailure}, when there is one
	 */
	public MigrationStatus requirePlannable() {
		if (this.pendingFailure != null) {
			throw this.pendingFailure;
		}
		return this;
	}

	/** One revision by full id, or {@code null}. */
	public RevisionStatus revision(String id) {
		return this.revisions.stream().filter((status) -> status.info().id().equals(id)).findFirst().orElse(null);
	}

	/**
	 * One revision and how it stands in the database.
	 *
	 * @param info the revision
	 * @param applied whether it is a version row or below one
	 * @param current whether it is a version row
	 * @param lastUpgrade its latest successful upgrade in the history, when it is
	 * applied; {@code null} otherwise or when the history does not have it (a database
	 * stamped by hand or by another tool)
	 */
	public record RevisionStatus(RevisionInfo info, boolean applied, boolean current, HistoryEntry lastUpgrade) {

	}

}
