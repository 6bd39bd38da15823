package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.migration.MigrationDatabaseException;
import dev.migration.internal.operations.PostgresRenderer;
import dev.migration.internal.operations.SqlRenderer;
import dev.migration.internal.source.SqlSyntax;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock on its own connection.
 */
public final class PostgresDialect implements Dialect {

	/**
	 * The migrating connection's settings while it holds the lock (only then, so that the
	 * up-to-date check stays one query): the server notices a client that went away
	 * during a long statement (otherwise a killed process's statement keeps running and
	 * holding its locks until it ends, and the next process waits for it), and does not
	 * end the session while a Java revision works on the client side.
	 */
	private static final List<Setting> MIGRATING_SETTINGS = List.of(
			new Setting("client_connection_check_interval", "1s", 14), new Setting("idle_session_timeout", "0", 14),
			new Setting("idle_in_transaction_session_timeout", "0", 10));

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public String displayName() {
		return "PostgreSQL";
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.POSTGRESQL;
	}

	@Override
	public SqlRenderer renderer() {
		return new PostgresRenderer();
	}

	/**
	 * psql goes on after an error, obeys a psqlrc's AUTOCOMMIT off and reads the
	 * terminal's encoding unless told.
	 */
	@Override
	public String scriptPreamble() {
		return "-- psql: stop at the first error; statements outside BEGIN/COMMIT commit on their own\n"
				+ "\\set ON_ERROR_STOP on\n\\set AUTOCOMMIT on\nSET client_encoding = 'UTF8';\n\n";
	}

	@Override
	public List<String> createTables(String schema, boolean schemaExists, String versionTable, String historyTable) {
		List<String> ddl = new ArrayList<>();
		if (schema != null && !schema.isEmpty() && !schemaExists) {
			ddl.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
		}
		ddl.add("CREATE TABLE IF NOT EXISTS " + qualify(schema, versionTable)
				+ " (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
		ddl.add("CREATE TABLE IF NOT EXISTS " + qualify(schema, historyTable) + " ("
				+ "id BIGSERIAL PRIMARY KEY, revision VARCHAR(32), direction VARCHAR(16) NOT NULL, "
				+ "down_revisions TEXT, message TEXT, checksum VARCHAR(64), "
				+ "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, applied_by VARCHAR(255), "
				+ "duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL)");
		return ddl;
	}

	/**
	 * A backslash makes the literal an escape string ({@code E'...'}), which reads the
	 * same whatever {@code standard_conforming_strings} says.
	 */
	@Override
	public String literal(String value) {
		if (value == null || value.indexOf('\\') < 0) {
			return Dialect.super.literal(value);
		}
		return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	public boolean isMissingTable(SQLException exception) {
		return "42P01".equals(exception.getSQLState()) || "3F000".equals(exception.getSQLState());
	}

	/**
	 * {@code to_regclass} and {@code to_regnamespace} answer NULL for a missing table or
	 * schema instead of failing.
	 */
	@Override
	public Found existingTables(Connection connection, String schema, List<String> tables) throws SQLException {
		boolean named = schema != null && !schema.isEmpty();
		StringBuilder sql = new StringBuilder("SELECT ").append(named ? "to_regnamespace(?) IS NOT NULL" : "TRUE");
		for (int index = 0; index < tables.size(); index++) {
			sql.append(", to_regclass(?) IS NOT NULL");
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int parameter = 1;
			if (named) {
				statement.setString(parameter++, quote(schema));
			}
			for (String table : tables) {
				statement.setString(parameter++, qualify(schema, table));
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				boolean[] exist = new boolean[tables.size()];
				for (int index = 0; index < exist.length; index++) {
					exist[index] = result.getBoolean(index + 2);
				}
				return new Found(result.getBoolean(1), exist);
			}
		}
	}

	@Override
	public String[] existingTablesExpressions(String schema, List<String> tables) {
		boolean named = schema != null && !schema.isEmpty();
		String[] expressions = new String[tables.size() + 1];
		expressions[0] = named ? "to_regnamespace(" + literal(quote(schema)) + ") IS NOT NULL" : "TRUE";
		for (int index = 0; index < tables.size(); index++) {
			expressions[index + 1] = "to_regclass(" + literal(qualify(schema, tables.get(index))) + ") IS NOT NULL";
		}
		return expressions;
	}

	@Override
	public void begin(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
	}

	@Override
	public void commit(Connection connection) throws SQLException {
		connection.commit();
		connection.setAutoCommit(true);
	}

	@Override
	public void rollback(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	@Override
	public boolean rereadsEachStep() {
		return false;
	}

	@Override
	public boolean batchesStatements() {
		return true;
	}

	@Override
	public String exclusiveWriteLock(String qualifiedTable) {
		return "LOCK TABLE " + qualifiedTable + " IN SHARE ROW EXCLUSIVE MODE";
	}

	@Override
	public MigrationLock lock(ConnectionSource connections, Connection connection, String key, Duration timeout) {
		return lock(connections, connection, key, timeout, new String[0], new String[0]);
	}

	/** The expressions go in the query that sets the migrating connection's settings. */
	@Override
	public MigrationLock lock(ConnectionSource connections, Connection connection, String key, Duration timeout,
			String[] expressions, String[] answers) {
		AdvisoryLock lock = AdvisoryLock.acquire(connections, key, timeout);
		try {
			List<Setting> settings = (expressions.length == 0) ? Setting.apply(connection, MIGRATING_SETTINGS)
					: Setting.apply(connection, MIGRATING_SETTINGS, expressions, answers);
			List<String> alsoReset = new ArrayList<>(1);
			return new MigrationLock() {

				@Override
				public boolean held(Connection migrating) throws SQLException {
					return lock.held(migrating);
				}

				@Override
				public String guard(String versionTable) {
					return lock.guard(versionTable);
				}

				@Override
				public String describe() {
					return lock.describe();
				}

				@Override
				public void resetAlso(String statement) {
					alsoReset.add(statement);
				}

				@Override
				public void close() {
					try {
						Setting.reset(connection, settings, alsoReset);
					}
					catch (SQLException ex) {
						// the connection goes back to its pool with the settings; they
						// only keep the server from ending
						// it while it migrates and make it notice dead clients sooner
					}
					finally {
						lock.close();
					}
				}

			};
		}
		catch (SQLException | RuntimeException ex) {
			lock.close();
			throw new MigrationDatabaseException(
					"Could not prepare the migrating connection: " + ex.getMessage() + ". Nothing was run.", ex);
		}
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		OffsetDateTime value = resultSet.getObject(index, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	@Override
	public String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "TIMESTAMP WITH TIME ZONE '" + IsoInstant.format(instant) + "'";
	}

	/**
	 * {@code now()} is when the transaction began, {@code clock_timestamp()} the moment.
	 */
	@Override
	public String elapsedInTransaction() {
		return "(clock_timestamp() - now())";
	}

	@Override
	public boolean preparesStatements() {
		return true;
	}

	@Override
	public String prepareStatement(String name, List<String> parameterTypes, String sql) {
		return "PREPARE " + name + (parameterTypes.isEmpty() ? "" : "(" + String.join(", ", parameterTypes) + ")")
				+ " AS " + sql;
	}

	@Override
	public String executeStatement(String name, List<String> arguments) {
		return "EXECUTE " + name + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
	}

	@Override
	public String deallocateStatement(String name) {
		return "DEALLOCATE " + name;
	}

	@Override
	public String booleanLiteral(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

}
