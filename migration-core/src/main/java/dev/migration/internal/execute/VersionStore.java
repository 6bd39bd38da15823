package dev.migration.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migration.ConcurrentChangeException;
import dev.migration.Direction;
import dev.migration.HistoryEntry;
import dev.migration.VersionChange;
import dev.migration.internal.dialect.Dialect;

/**
 * Reads and writes the version table (one row per applied head) and the append-only history table.
 */
public final class VersionStore {

	private final Dialect dialect;

	private final String schema;

	private final String versionTableName;

	private final String historyTableName;

	private final String versionTable;

	private final String historyTable;

	public VersionStore(Dialect dialect, String schema, String versionTable, String historyTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.versionTableName = versionTable;
		this.historyTableName = historyTable;
		this.versionTable = dialect.qualify(schema, versionTable);
		this.historyTable = dialect.qualify(schema, historyTable);
	}

	/** The version table's name as users know it, for messages. */
	public String versionTableName() {
		return (this.schema == null || this.schema.isEmpty()) ? this.versionTableName
				: this.schema + "." + this.versionTableName;
	}

	/**
	 * The version rows and the checksum of each revision's latest successful upgrade, in one query: this is all the
	 * up-to-date check costs.
	 */
	public State read(Connection connection) throws SQLException {
		String sql = "SELECT 0, version_num, NULL, 0 FROM " + this.versionTable
				+ " UNION ALL SELECT 1, revision, checksum, id FROM " + this.historyTable
				+ " WHERE direction = 'upgrade' AND success = " + this.dialect.booleanLiteral(true)
				+ " ORDER BY 1, 4";
		List<String> rows = new ArrayList<>();
		Map<String, String> checksums = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				if (result.getInt(1) == 0) {
					rows.add(result.getString(2));
				}
				else {
					checksums.put(result.getString(2), result.getString(3));
				}
			}
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				return new State(false, List.of(), Map.of());
			}
			throw ex;
		}
		return new State(true, rows, checksums);
	}

	/**
	 * The version rows, or none before the first upgrade created the table: what {@code current} shows, without
	 * reading the history that {@link #read} brings along (ten thousand rows for ten thousand revisions).
	 */
	public List<String> currentRows(Connection connection) throws SQLException {
		try {
			return rows(connection);
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	/** The version rows only. */
	public List<String> rows(Connection connection) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM " + this.versionTable)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	public void createTables(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : this.dialect.createTables(this.schema, this.versionTableName, this.historyTableName)) {
				statement.execute(ddl);
			}
		}
	}

	/**
	 * Writes a step's version change and its history row in one round trip (a batch of literal statements); every
	 * delete and update must hit exactly one row.
	 */
	public void write(Connection connection, VersionChange change, HistoryRecord record) throws SQLException {
		List<String> sql = applySql(change);
		sql.add(recordSql(record));
		int[] counts;
		try (Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.addBatch(each);
			}
			counts = statement.executeBatch();
		}
		int index = 0;
		for (String delete : change.deletes()) {
			expectOne(counts[index++], "delete row " + delete);
		}
		if (change.hasUpdate()) {
			expectOne(counts[index], "update row " + change.updateFrom() + " to " + change.updateTo());
		}
	}

	private void expectOne(int count, String what) {
		if (count != 1) {
			throw new ConcurrentChangeException("Expected to " + what + " in " + versionTableName() + ", but "
					+ count + " rows matched: another process or a person changed the version table. The step was "
					+ "rolled back. Run 'current' to see where the database is, then run the command again.");
		}
	}

	/** SQL statements, as literals, that write the step's change: for offline scripts. */
	public List<String> applySql(VersionChange change) {
		List<String> sql = new ArrayList<>();
		for (String delete : change.deletes()) {
			sql.add("DELETE FROM " + this.versionTable + " WHERE version_num = " + this.dialect.literal(delete));
		}
		if (change.hasUpdate()) {
			sql.add("UPDATE " + this.versionTable + " SET version_num = " + this.dialect.literal(change.updateTo())
					+ " WHERE version_num = " + this.dialect.literal(change.updateFrom()));
		}
		for (String insert : change.inserts()) {
			sql.add("INSERT INTO " + this.versionTable + " (version_num) VALUES (" + this.dialect.literal(insert) + ")");
		}
		return sql;
	}

	public void record(Connection connection, HistoryRecord record) throws SQLException {
		String sql = "INSERT INTO " + this.historyTable + " (revision, direction, down_revisions, message, checksum, "
				+ "applied_at, applied_by, duration_ms, success) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, record.revision());
			statement.setString(2, record.direction().word());
			statement.setString(3, String.join(",", record.downRevisions()));
			statement.setString(4, record.message());
			if (record.checksum() != null) {
				statement.setString(5, record.checksum());
			}
			else {
				statement.setNull(5, Types.VARCHAR);
			}
			this.dialect.setTimestamp(statement, 6, record.appliedAt());
			statement.setString(7, record.appliedBy());
			statement.setLong(8, record.durationMs());
			statement.setBoolean(9, record.success());
			statement.executeUpdate();
		}
	}

	/** The history row as a SQL literal statement, for offline scripts. */
	public String recordSql(HistoryRecord record) {
		return "INSERT INTO " + this.historyTable + " (revision, direction, down_revisions, message, checksum, "
				+ "applied_at, applied_by, duration_ms, success) VALUES (" + this.dialect.literal(record.revision())
				+ ", " + this.dialect.literal(record.direction().word()) + ", "
				+ this.dialect.literal(String.join(",", record.downRevisions())) + ", "
				+ this.dialect.literal(record.message()) + ", " + this.dialect.literal(record.checksum()) + ", "
				+ this.dialect.timestampLiteral(record.appliedAt()) + ", " + this.dialect.literal(record.appliedBy())
				+ ", " + record.durationMs() + ", " + this.dialect.booleanLiteral(record.success()) + ")";
	}

	/** The latest history rows, newest first. */
	public List<HistoryEntry> history(Connection connection, int limit) throws SQLException {
		String sql = "SELECT id, revision, direction, down_revisions, message, checksum, applied_at, applied_by, "
				+ "duration_ms, success FROM " + this.historyTable + " ORDER BY id DESC LIMIT " + Math.max(0, limit);
		List<HistoryEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				String downRevisions = result.getString(4);
				entries.add(new HistoryEntry(result.getLong(1), result.getString(2),
						Direction.valueOf(result.getString(3).toUpperCase(java.util.Locale.ROOT)),
						(downRevisions == null || downRevisions.isEmpty()) ? List.of()
								: Arrays.asList(downRevisions.split(",")),
						result.getString(5), result.getString(6), this.dialect.getTimestamp(result, 7),
						result.getString(8), result.getLong(9), result.getBoolean(10)));
			}
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				return List.of();
			}
			throw ex;
		}
		return entries;
	}

	/**
	 * What the database holds.
	 *
	 * @param tablesExist whether the two tables exist yet
	 * @param rows the version rows
	 * @param appliedChecksums per revision, the checksum of its latest successful upgrade
	 */
	public record State(boolean tablesExist, List<String> rows, Map<String, String> appliedChecksums) {

	}

	/** One history row to write. */
	public record HistoryRecord(String revision, Direction direction, List<String> downRevisions, String message,
			String checksum, Instant appliedAt, String appliedBy, long durationMs, boolean success) {

	}

}
