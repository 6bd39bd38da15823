package dev.migration;

import java.util.List;

/**
 * A non-transactional revision was started and did not finish (see
 * {@link UnfinishedRevision}); nothing was run.
 */
public final class UnfinishedRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient List<UnfinishedRevision> unfinished;

	public UnfinishedRevisionException(String message, List<UnfinishedRevision> unfinished, Throwable cause) {
		super(message, cause);
		this.unfinished = List.copyOf(unfinished);
	}

	/** The revisions started and not finished. */
	public List<UnfinishedRevision> unfinished() {
		return this.unfinished;
	}

}
