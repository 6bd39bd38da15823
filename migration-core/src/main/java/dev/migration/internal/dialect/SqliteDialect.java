package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import dev.migration.internal.operations.RecordingOperations;
import dev.migration.internal.operations.SqlRenderer;
import dev.migration.internal.operations.SqliteRenderer;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;

/**
 * SQLite: transactional DDL; no session lock, so every step runs in
 * {@code BEGIN IMMEDIATE}, which takes the database's write lock up front, and re-reads
 * the version rows before it applies anything. Waiting for another writer is SQLite's
 * busy timeout, set to the lock timeout for the migrating connection. A step that moves
 * and copies tables (or says {@code PRAGMA foreign_keys = OFF}) on a connection with
 * foreign keys on runs with them switched off before its BEGIN (inside a transaction the
 * pragma is a no-op), checked before its COMMIT and switched on again after.
 */
public final class SqliteDialect implements Dialect {

	private static final String FOREIGN = "foreign";

	private static final String FOREIGN_KEYS = FOREIGN + "_keys";

	/**
	 * The statement, possibly after comments:
	 * {@code PRAGMA [main.]foreign_keys = OFF | 0 | FALSE | NO}.
	 */
	private static final Pattern FOREIGN_KEYS_OFF = Pattern
		.compile("(?i)(^|\\s)PRAGMA\\s+(\"?main\"?\\s*\\.\\s*)?foreign_keys\\s*=\\s*'?(off|0|false|no)'?\\s*$");

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public String displayName() {
		return "SQLite";
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.SQLITE;
	}

	@Override
	public SqlRenderer renderer() {
		return new SqliteRenderer();
	}

	/** The sqlite3 shell goes on after an error unless told to bail. */
	@Override
	public String scriptPreamble() {
		return "-- sqlite3: stop at the first error\n.bail on\n\n";
	}

	@Override
	public List<String> createTables(String schema, boolean schemaExists, String versionTable, String historyTable) {
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
		// the driver stays in auto-commit mode; BEGIN IMMEDIATE takes the write lock now
		// instead of at the first write
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
	public boolean suspendForeignKeys(Connection connection, RevisionBody body) throws SQLException {
		// inside BEGIN the pragma is a no-op, and dropping a referenced table would run
		// the ON DELETE actions of
		// the tables that reference it (CASCADE deletes their rows): so it is switched
		// off before BEGIN
		BooleanSupplier stepNeedsThemOff = foreignKeysOffRequest(body);
		if (stepNeedsThemOff == null || foreignKeys(connection) != 1 || !stepNeedsThemOff.getAsBoolean()) {
			return false;
		}
		setForeignKeys(connection, false);
		return foreignKeys(connection) == 0;
	}

	/**
	 * What tells whether the step runs with foreign keys off, or {@code null} when
	 * nothing could: a Java step that moves and copies a table (known by recording it, so
	 * asked only where foreign keys are on), or a SQL step that says
	 * {@code PRAGMA foreign_keys = OFF} (what a hand-written or generated move-and-copy
	 * does, and what SQLite ignores inside the step's transaction). Most SQL steps say
	 * nothing about foreign keys and cost no query.
	 */
	private BooleanSupplier foreignKeysOffRequest(RevisionBody body) {
		if (body instanceof JavaBody java) {
			return () -> RecordingOperations.movesAndCopies(java.revision(), java.upgrade(), this);
		}
		if (body instanceof SqlBody sql) {
			for (SqlStatement statement : sql.statements(syntax())) {
				String text = statement.sql();
				// the regular expression only for the rare statement that mentions the
				// pragma at all
				if (mentionsForeignKeys(text) && FOREIGN_KEYS_OFF.matcher(text).find()) {
					return () -> true;
				}
			}
		}
		return null;
	}

	/**
	 * Whether the text says {@code foreign_keys} in any case. Found from its underscores,
	 * which a statement has few of, rather than by comparing at every character: it runs
	 * for every statement of a cold apply.
	 */
	private static boolean mentionsForeignKeys(String text) {
		for (int underscore = text.indexOf('_'); underscore >= 0; underscore = text.indexOf('_', underscore + 1)) {
			if (text.regionMatches(true, underscore - FOREIGN.length(), FOREIGN_KEYS, 0, FOREIGN_KEYS.length())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void checkForeignKeys(Connection connection) throws SQLException {
		List<String> violations = foreignKeyViolations(connection);
		if (!violations.isEmpty()) {
			throw new SQLException("FOREIGN KEY constraint failed: the step ran with PRAGMA foreign_keys off, and "
					+ "PRAGMA foreign_key_check found " + String.join("; ", violations)
					+ " (rows orphaned before the step count too)");
		}
	}

	@Override
	public void resumeForeignKeys(Connection connection) throws SQLException {
		setForeignKeys(connection, true);
	}

	/**
	 * What {@code PRAGMA foreign_key_check} finds, one entry per table and parent: how
	 * many rows, their rowids (the first few) and the table they miss a row of; empty
	 * when every foreign key holds.
	 */
	public static List<String> foreignKeyViolations(Connection connection) throws SQLException {
		Map<List<String>, List<String>> rowids = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA foreign_key_check")) {
			while (result.next()) {
				rowids.computeIfAbsent(List.of(result.getString(1), result.getString(3)), (pair) -> new ArrayList<>())
					.add(String.valueOf(result.getString(2)));
			}
		}
		List<String> violations = new ArrayList<>();
		rowids.forEach((pair,
				rows) -> violations.add(rows.size() + " row(s) of " + pair.get(0) + " (rowid "
						+ String.join(", ", rows.subList(0, Math.min(rows.size(), 5)))
						+ ((rows.size() > 5) ? ", ..." : "") + ") reference no row of " + pair.get(1)));
		return violations;
	}

	private static int foreignKeys(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
			return result.next() ? result.getInt(1) : 0;
		}
	}

	private static void setForeignKeys(Connection connection, boolean on) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
		}
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setString(index, IsoInstant.format(instant));
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		String value = resultSet.getString(index);
		return (value != null) ? Instant.parse(value) : null;
	}

	@Override
	public String currentTimestamp() {
		// ISO-8601 in UTC with milliseconds, which getTimestamp's Instant.parse reads
		return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "'" + IsoInstant.format(instant) + "'";
	}

	@Override
	public String booleanLiteral(boolean value) {
		return value ? "1" : "0";
	}

}
