package dev.migration;

import java.util.List;

/**
 * A target (a revision id, prefix, label or relative step) cannot be resolved, or does
 * not fit the command. Nothing was run.
 */
public class TargetException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String target;

	private final List<String> revisions;

	public TargetException(String target, String message, List<String> revisions) {
		super(message);
		this.target = target;
		this.revisions = List.copyOf(revisions);
	}

	/** The target as it was given. */
	public String target() {
		return this.target;
	}

	/** The revisions involved: candidates, heads, the revisions on the way. */
	public List<String> revisions() {
		return this.revisions;
	}

}
