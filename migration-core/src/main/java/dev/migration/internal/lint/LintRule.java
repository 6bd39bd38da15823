package dev.migration.internal.lint;

import dev.migration.LintFinding.Severity;

/**
 * The lint's rules: each names a statement that locks a busy table for long, fails, or
 * loses data, with the lock it takes and the safe way. Errors block reads or writes for
 * as long as the table is read or rewritten (or fail); warnings are fast but break the
 * running version of the application or lose data, which is often what the revision means
 * to do.
 */
public enum LintRule {

	ADDING_VOLATILE_DEFAULT("adding-volatile-default", Severity.ERROR, true,
			"ACCESS EXCLUSIVE (blocks reads and writes)",
			"add the column without a default (or with a constant one), set the default in a second statement, "
					+ "then fill existing rows in batches"),

	SETTING_NOT_NULL("setting-not-null", Severity.ERROR, true, "ACCESS EXCLUSIVE (blocks reads and writes)",
			"add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later statement or revision, then "
					+ "SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan) and drop the check"),

	REQUIRE_CONCURRENT_INDEX("require-concurrent-index", Severity.ERROR, true, "SHARE (blocks writes)",
			"CREATE INDEX CONCURRENTLY in a revision with '-- transactional: false'"),

	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR, true,
			"none: PostgreSQL refuses it inside a transaction block",
			"put the statement in a revision of its own with '-- transactional: false'"),

	CHANGING_COLUMN_TYPE("changing-column-type", Severity.ERROR, true,
			"ACCESS EXCLUSIVE (blocks reads and writes) while the table and its indexes are rewritten",
			"add a column of the new type, write to both, backfill in batches, switch reads, then drop the old column"
					+ " (varchar to text, a longer varchar and a wider numeric need no rewrite)"),

	CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", Severity.ERROR, true,
			"SHARE ROW EXCLUSIVE on both tables (foreign key) or ACCESS EXCLUSIVE (check) while every row is checked",
			"add the constraint NOT VALID (fast, checks new rows only), then VALIDATE CONSTRAINT in a later statement,"
					+ " which takes a lock that lets reads and writes go on"),

	UNIQUE_CONSTRAINT_WITHOUT_INDEX("unique-constraint-without-index", Severity.ERROR, true,
			"ACCESS EXCLUSIVE (blocks reads and writes) while the index is built",
			"CREATE UNIQUE INDEX CONCURRENTLY (in a '-- transactional: false' revision), then ADD CONSTRAINT ... "
					+ "UNIQUE USING INDEX (or PRIMARY KEY USING INDEX)"),

	VACUUM_FULL_OR_CLUSTER("vacuum-full-or-cluster", Severity.ERROR, false,
			"ACCESS EXCLUSIVE (blocks reads and writes) while the table is rewritten",
			"plain VACUUM (no lock that blocks reads or writes), or pg_repack / pg_squeeze outside the revisions; on "
					+ "SQLite run VACUUM in a maintenance window, not in a revision"),

	RENAMING_COLUMN("renaming-column", Severity.WARNING, false, "ACCESS EXCLUSIVE (brief)",
			"add the new column, write to both, backfill, move readers to it, then drop the old one in a later "
					+ "release (or rename and deploy the code at once, with downtime)"),

	RENAMING_TABLE("renaming-table", Severity.WARNING, false, "ACCESS EXCLUSIVE (brief)",
			"create the new table (or a view with the old name over the renamed one), move the code over, then drop "
					+ "the old name in a later release"),

	DROPPING_COLUMN("dropping-column", Severity.WARNING, false, "ACCESS EXCLUSIVE (brief)",
			"first release code that no longer reads or writes the column, then drop it; keep a backup if its data "
					+ "may be needed"),

	DROPPING_TABLE("dropping-table", Severity.WARNING, false, "ACCESS EXCLUSIVE (brief)",
			"first release code that no longer uses the table, then drop it (or rename it away and drop it later); "
					+ "keep a backup if its data may be needed"),

	DOWNGRADE_DROPS_DATA("downgrade-drops-data", Severity.WARNING, false, "ACCESS EXCLUSIVE (brief)",
			"keep the rollback, but know that it loses what was written since the upgrade: back the data up before "
					+ "a downgrade, or make the downgrade keep the column or table"),

	MISSING_LOCK_TIMEOUT("missing-lock-timeout", Severity.WARNING, true,
			"the statement's lock, requested behind every running transaction: while it waits, every query on the "
					+ "table queues behind it",
			"SET lock_timeout = '5s' (or SET LOCAL in the revision's transaction) before the first such statement, "
					+ "and retry the upgrade when it times out");

	private final String id;

	private final Severity severity;

	private final boolean postgresOnly;

	private final String lock;

	private final String safeAlternative;

	LintRule(String id, Severity severity, boolean postgresOnly, String lock, String safeAlternative) {
		this.id = id;
		this.severity = severity;
		this.postgresOnly = postgresOnly;
		this.lock = lock;
		this.safeAlternative = safeAlternative;
	}

	public String id() {
		return this.id;
	}

	public Severity severity() {
		return this.severity;
	}

	/**
	 * Whether the rule is about PostgreSQL's locks or syntax, and so never fires on
	 * SQLite revisions.
	 */
	public boolean postgresOnly() {
		return this.postgresOnly;
	}

	public String lock() {
		return this.lock;
	}

	public String safeAlternative() {
		return this.safeAlternative;
	}

}
