package dev.migration.benchmarks;

/**
 * What is measured.
 */
public enum Operation {

	/** A fresh database to head. */
	COLD("cold apply"),

	/**
	 * A database already at head, upgraded again: what every service pays at every start.
	 */
	UP_TO_DATE("up to date"),

	/** Every revision and whether it is applied. */
	STATUS("status");

	private final String title;

	Operation(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}
