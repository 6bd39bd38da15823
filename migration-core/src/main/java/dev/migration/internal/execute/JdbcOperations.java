package dev.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migration.operations.Operations;

/**
 * The operations handed to a Java revision: its step's connection and dialect.
 */
final class JdbcOperations implements Operations {

	private final Connection connection;

	private final String dialect;

	JdbcOperations(Connection connection, String dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	@Override
	public void execute(String sql) {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, 0, ex);
		}
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public String dialect() {
		return this.dialect;
	}

}
