package dev.migration;

import java.util.Locale;

/**
 * What a step does, as written to the {@code direction} column of the history table.
 */
public enum Direction {

	UPGRADE, DOWNGRADE, STAMP;

	/** The lower-case word used in the history table and in log lines. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
