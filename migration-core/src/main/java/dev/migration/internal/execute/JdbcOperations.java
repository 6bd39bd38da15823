package dev.migration.internal.execute;

import java.sql.Connection;

import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.operations.AbstractOperations;
import dev.migration.internal.operations.Operation;
import dev.migration.internal.operations.OperationRunner;

/**
 * The operations handed to a Java revision: each operation rendered for the step's
 * dialect and run on its connection.
 */
final class JdbcOperations extends AbstractOperations {

	private final Connection connection;

	private final Dialect dialect;

	private final OperationRunner runner;

	JdbcOperations(Connection connection, Dialect dialect, boolean foreignKeysSuspended) {
		this.connection = connection;
		this.dialect = dialect;
		this.runner = new OperationRunner(connection, dialect, foreignKeysSuspended);
	}

	@Override
	protected void apply(Operation operation) {
		try {
			this.runner.run(operation);
		}
		catch (OperationRunner.Failure ex) {
			throw new StatementFailedException(ex.sql(), 0, ex.sqlException());
		}
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

}
