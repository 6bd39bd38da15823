package dev.migration;

import java.util.List;

/**
 * A guarded downgrade would revert more revisions than its limit allows. Refused before
 * anything runs; {@link #revisions()} are the revisions it would revert, in order.
 */
public final class TooManyStepsException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final int limit;

	public TooManyStepsException(String target, List<String> revisions, int limit) {
		super(target,
				"Downgrading to '" + target + "' would revert " + revisions.size() + " revisions ("
						+ String.join(", ", revisions) + "), more than the limit of " + limit
						+ ". Nothing was run. Downgrade in smaller steps, or raise the limit.",
				revisions);
		this.limit = limit;
	}

	/** The most revisions one downgrade may revert. */
	public int limit() {
		return this.limit;
	}

}
