package dev.migration.autoconfigure;

import java.util.List;

import dev.migration.MigrationException;

/**
 * Raised on startup with {@code migrations.fail-on-pending=true} while the database is
 * behind the target.
 */
public class PendingRevisionsException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String target;

	private final List<String> pending;

	public PendingRevisionsException(String target, List<String> pending) {
		super(pending.size() + " revision" + ((pending.size() == 1) ? " is" : "s are") + " pending on the way to '"
				+ target + "': " + String.join(", ", pending)
				+ ". Nothing was run (migrations.run-on-startup is off and migrations.fail-on-pending is on).");
		this.target = target;
		this.pending = List.copyOf(pending);
	}

	public String getTarget() {
		return this.target;
	}

	/** The revisions the upgrade would run, in order. */
	public List<String> getPending() {
		return this.pending;
	}

}
