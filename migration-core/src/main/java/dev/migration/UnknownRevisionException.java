package dev.migration;

import java.util.List;

/**
 * The database records a revision that none of the loaded sources declares: the
 * application is older than the database, or a revision file is missing.
 */
public final class UnknownRevisionException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public UnknownRevisionException(String table, List<String> revisions) {
		super("The database is at revision " + String.join(", ", revisions) + " (table " + table
				+ "), which no loaded revision declares. Nothing was run. Deploy the application version that has it, "
				+ "restore the missing revision file, or 'stamp --purge' to reset the version table.");
		this.revisions = List.copyOf(revisions);
	}

	/** The ids found in the version table that the graph does not know. */
	public List<String> revisions() {
		return this.revisions;
	}

}
