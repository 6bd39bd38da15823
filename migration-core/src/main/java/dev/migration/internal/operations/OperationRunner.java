package dev.migration.internal.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migration.internal.dialect.Dialect;

/**
 * Runs operations on a live connection: plain statements, or SQLite's move-and-copy where
 * {@code ALTER TABLE} falls short.
 */
public final class OperationRunner {

	/** A statement that failed, with the SQL that failed. */
	public static final class Failure extends Exception {

		private final String sql;

		Failure(String sql, SQLException cause) {
			super(cause.getMessage(), cause, false, false);
			this.sql = sql;
		}

		public String sql() {
			return this.sql;
		}

		public SQLException sqlException() {
			return (SQLException) getCause();
		}

	}

	private final Connection connection;

	private final SqlRenderer renderer;

	private final boolean foreignKeysSuspended;

	/**
	 * @param foreignKeysSuspended whether the executor switched foreign keys off for the
	 * step, so that each move-and-copy checks them as if they were on
	 */
	public OperationRunner(Connection connection, Dialect dialect, boolean foreignKeysSuspended) {
		this.connection = connection;
		this.renderer = dialect.renderer();
		this.foreignKeysSuspended = foreignKeysSuspended;
	}

	public void run(Operation operation) throws Failure {
		if (this.renderer.needsCopy(operation)) {
			try {
				new SqliteTableCopy(this.connection, this.renderer, this.foreignKeysSuspended).run(operation);
			}
			catch (SQLException ex) {
				throw new Failure("move-and-copy of table " + SqliteTableCopy.tableOf(operation), ex);
			}
			catch (IllegalStateException ex) {
				throw new Failure("move-and-copy of table " + SqliteTableCopy.tableOf(operation),
						new SQLException(ex.getMessage(), ex));
			}
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : this.renderer.render(operation)) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new Failure(sql, ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new Failure("", ex);
		}
	}

}
