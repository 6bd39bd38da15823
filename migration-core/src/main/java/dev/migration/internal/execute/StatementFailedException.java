package dev.migration.internal.execute;

import java.sql.SQLException;

/**
 * A statement of a revision body failed; the executor adds the revision, the location and
 * where the database stands.
 */
final class StatementFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String sql;

	private final int line;

	StatementFailedException(String sql, int line, SQLException cause) {
		super(cause.getMessage(), cause);
		this.sql = sql;
		this.line = line;
	}

	String sql() {
		return this.sql;
	}

	int line() {
		return this.line;
	}

}
