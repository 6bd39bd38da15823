package dev.migration;

import java.util.List;

/**
 * What a command did.
 *
 * @param plan the plan that was executed (re-planned under the lock when another process
 * had moved the database)
 * @param currentRows the version rows after the command
 */
public record MigrationResult(Plan plan, List<String> currentRows) {

	public MigrationResult {
		currentRows = List.copyOf(currentRows);
	}

	/** The steps that ran. */
	public List<Step> steps() {
		return this.plan.steps();
	}

}
