package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;


/**
 * SQLite: transactional DDL; no session lock, so every step runs in {@code BEGIN IMMEDIATE}, which takes the
 * database's write lock up front, and re-reads the version rows before it applies anything. Waiting for another
 * writer is SQLite's busy timeout, set to the lock timeout for the migrating connection.
 */
public final class SqliteDialect implements Dialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public List<String> createTables(String schema, String versionTable, String historyTable) {
		return List.of(
				"CREATE TABLE IF NOT EXISTS " + qualify(schema, versionTable)
						+ " (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
				"CREATE TABLE IF NOT EXISTS " + qualify(schema, historyTable) + " ("
						+ "id INTEGER PRIMARY KEY AUTOINCREMENT, revision VARCHAR(32), direction VARCHAR(16) NOT NULL, "
						+ "down_revisions TEXT, message TEXT, checksum VARCHAR(64), applied_at TEXT NOT NULL, "
						+ "applied_by VARCHAR(255), duration_ms INTEGER NOT NULL, success BOOLEAN NOT NULL)");
	}

	@Override
	public boolean isMissingTable(SQLException exception) {
		String message = String.valueOf(exception.getMessage());
		return message.contains("no such table") || message.contains("unknown database");
	}

	@Override
	public boolean isLockTimeout(SQLException exception) {
		String message = String.valueOf(exception.getMessage());
		return message.contains("SQLITE_BUSY") || message.contains("database is locked");
	}

	@Override
	public void begin(Connection connection) throws SQLException {
		// the driver stays in auto-commit mode; BEGIN IMMEDIATE takes the write lock now instead of at the first write
		try (Statement statement = connection.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
		}
	}

	@Override
	public void commit(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMIT");
		}
	}

	@Override
	public void rollback(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			if (!String.valueOf(ex.getMessage()).contains("no transaction is active")) {
				throw ex;
			}
		}
	}

	@Override
	public boolean rereadsEachStep() {
		return true;
	}

	@Override
	public MigrationLock lock(ConnectionSource connections, Connection connection, String key, Duration timeout) {
		return MigrationLock.NONE;
	}

	@Override
	public Object prepare(Connection connection, Duration lockTimeout) throws SQLException {
		int previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
			previous = result.next() ? result.getInt(1) : 0;
		}
		setBusyTimeout(connection, (int) Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
		return previous;
	}

	@Override
	public void restore(Connection connection, Object prepared) throws SQLException {
		if (prepared instanceof Integer previous) {
			setBusyTimeout(connection, previous);
		}
	}

	private static void setBusyTimeout(Connection connection, int millis) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + millis);
		}
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setString(index, DateTimeFormatter.ISO_INSTANT.format(instant));
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		String value = resultSet.getString(index);
		return (value != null) ? Instant.parse(value) : null;
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "'" + DateTimeFormatter.ISO_INSTANT.format(instant) + "'";
	}

	@Override
	public String booleanLiteral(boolean value) {
		return value ? "1" : "0";
	}

}
