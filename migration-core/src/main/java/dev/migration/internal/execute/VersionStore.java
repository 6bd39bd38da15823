package dev.migration.internal.execute;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.migration.ConcurrentChangeException;
import dev.migration.Direction;
import dev.migration.HistoryEntry;
import dev.migration.UnfinishedRevision;
import dev.migration.VersionChange;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.dialect.MigrationLock;

/**
 * Reads and writes the version table (one row per applied head) and the history table.
 * The history is append-only but for one thing: a non-transactional step writes its row
 * before its first statement (its claim) and completes that row when it ends, so a
 * process that dies in between leaves a row that says so.
 */
public final class VersionStore {

	/** The {@code duration_ms} of a claim: started, not finished. */
	static final long CLAIM_DURATION = -1;

	/**
	 * Claims of non-transactional steps and stamps, which clear the claims before them.
	 */
	private static final String CLAIM_OR_STAMP = "duration_ms = " + CLAIM_DURATION + " OR direction = 'stamp'";

	/** The history table's columns, in the order {@link #entry} reads them. */
	private static final String HISTORY_COLUMNS = "id, revision, direction, down_revisions, message, checksum, "
			+ "applied_at, applied_by, duration_ms, success";

	/** The end of a step's batch when its rows are checked on the server. */
	public static final String COMMIT = "COMMIT";

	private static final String DIVISION_BY_ZERO = "22012";

	/**
	 * The last value of a straight line's history row: true, or a division by zero unless
	 * the version statement {@code v} wrote exactly one row.
	 */
	private static final String ONE_ROW_WRITTEN = "(SELECT 1 / CAST(count(*) = 1 AS INTEGER) FROM v) = 1";

	/**
	 * The parameters of the prepared statement of {@link #writeSql}: the version row to
	 * and from, then the history row's columns of {@link #HISTORY_INSERT_COLUMNS} but the
	 * last.
	 */
	private static final List<String> STEP_PARAMETER_TYPES = List.of("varchar", "varchar", "varchar", "varchar", "text",
			"text", "varchar", "timestamptz", "varchar", "bigint");

	/** The history columns a new row gives, in the order of {@link #recordValues}. */
	private static final String HISTORY_INSERT_COLUMNS = "revision, direction, down_revisions, message, checksum, "
			+ "applied_at, applied_by, duration_ms, success";

	private final Dialect dialect;

	private final String schema;

	private final String versionTableName;

	private final String historyTableName;

	private final String versionTable;

	private final String historyTable;

	/**
	 * Whether the last look for the tables found their schema (a fleet's schemas exist):
	 * creating the tables then sends no {@code CREATE SCHEMA}.
	 */
	private boolean schemaFound;

	/**
	 * The name of this command's prepared statement for the rows of a straight line's
	 * steps, once one step used it (see {@link #writeSql}); unique, so that it never
	 * meets one that a pooled connection kept from another command.
	 */
	private String stepStatement;

	/**
	 * Whether {@link #stepStatement} exists on the connection: its PREPARE went through.
	 */
	private boolean stepStatementPrepared;

	/**
	 * Whether the rows {@link #writeSql} gave last use the statement before it exists.
	 */
	private boolean stepStatementPending;

	public VersionStore(Dialect dialect, String schema, String versionTable, String historyTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.versionTableName = versionTable;
		this.historyTableName = historyTable;
		this.versionTable = dialect.qualify(schema, versionTable);
		this.historyTable = dialect.qualify(schema, historyTable);
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/** The version table's name as users know it, for messages. */
	public String versionTableName() {
		return (this.schema == null || this.schema.isEmpty()) ? this.versionTableName
				: this.schema + "." + this.versionTableName;
	}

	/**
	 * The version rows, the checksum of each revision's latest successful upgrade, the
	 * claims of unfinished non-transactional steps and the newest history id, in one
	 * query: this is all the up-to-date check costs. The details of an unfinished step
	 * cost a second query, only when there is one. A missing table costs one query per
	 * table to find out which one is missing: a version table without history table (one
	 * Alembic, another tool or a hand-made stamp created) is read as if the history table
	 * were there and empty.
	 */
	public State read(Connection connection) throws SQLException {
		return read(connection, false);
	}

	/**
	 * As {@link #read(Connection)}; {@code probeFirst} asks which tables exist first
	 * where the database can say so without failing, and reads nothing when neither does:
	 * for a target that probably has no tables yet, one query that cannot fail instead of
	 * a failing one (which the server logs as an error) and the question after it.
	 */
	public State read(Connection connection, boolean probeFirst) throws SQLException {
		if (probeFirst) {
			boolean[] exist = probe(connection);
			if (exist != null && !exist[0] && !exist[1]) {
				return new State(false, new ArrayList<>(), new HashMap<>(), List.of(), 0);
			}
		}
		String versionPart = "SELECT 0, version_num, NULL, 0 FROM " + this.versionTable;
		String historyPart = "SELECT 1, revision, checksum, id FROM " + this.historyTable
				+ " WHERE direction = 'upgrade' AND success = " + this.dialect.booleanLiteral(true)
				+ " UNION ALL SELECT 2, NULL, direction, id FROM " + this.historyTable + " WHERE " + CLAIM_OR_STAMP
				+ " UNION ALL SELECT 3, NULL, NULL, MAX(id) FROM " + this.historyTable;
		StateReader reader = new StateReader();
		boolean tablesExist = true;
		try {
			reader.read(connection, versionPart + " UNION ALL " + historyPart + " ORDER BY 1, 4");
		}
		catch (SQLException ex) {
			if (!this.dialect.isMissingTable(ex)) {
				throw ex;
			}
			// each part alone, only now: the common case stays one query
			reader = new StateReader();
			boolean[] exist = probe(connection);
			boolean versionTableExists = (exist != null)
					? exist[0] && readIfExists(connection, reader, versionPart + " ORDER BY 1, 4")
					: readIfExists(connection, reader, versionPart + " ORDER BY 1, 4");
			boolean historyTableExists = (exist != null)
					? exist[1] && readIfExists(connection, reader, historyPart + " ORDER BY 1, 4")
					: readIfExists(connection, reader, historyPart + " ORDER BY 1, 4");
			tablesExist = versionTableExists && historyTableExists;
		}
		List<UnfinishedRevision> unfinished = reader.claims.open().isEmpty() ? List.of()
				: unfinished(connection, reader.claims.open().get(0));
		return new State(tablesExist, reader.rows, reader.checksums, unfinished, reader.lastHistoryId);
	}

	/** Reads one part of the state; {@code false} when its table does not exist. */
	private boolean readIfExists(Connection connection, StateReader reader, String sql) throws SQLException {
		try {
			reader.read(connection, sql);
			return true;
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * The version rows and whether a claim of a non-transactional step is open among the
	 * history rows after {@code afterId}, in one query that reads only those rows (by
	 * primary key) and the newest id: what a step re-reads inside its transaction.
	 * {@code afterId} 0 reads every claim.
	 */
	public Recheck recheck(Connection connection, long afterId) throws SQLException {
		String sql = "SELECT 0, version_num, 0 FROM " + this.versionTable + " UNION ALL SELECT 1, direction, id FROM "
				+ this.historyTable + " WHERE id > ? AND (" + CLAIM_OR_STAMP
				+ ") UNION ALL SELECT 2, NULL, MAX(id) FROM " + this.historyTable + " ORDER BY 1, 3";
		List<String> rows = new ArrayList<>();
		Claims claims = new Claims();
		long lastHistoryId = afterId;
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, afterId);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					switch (result.getInt(1)) {
						case 0 -> rows.add(result.getString(2));
						case 1 -> claims.add(result.getLong(3), result.getString(2));
						default -> lastHistoryId = Math.max(afterId, result.getLong(3));
					}
				}
			}
		}
		return new Recheck(rows, !claims.open().isEmpty(), lastHistoryId);
	}

	/**
	 * The non-transactional steps started and not finished (none without a history
	 * table).
	 */
	public List<UnfinishedRevision> unfinished(Connection connection) throws SQLException {
		try {
			return unfinished(connection, 0);
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * The claims from {@code fromId} on that no stamp came after and no completion
	 * closed, each marked failed when its process recorded a failure of the same step
	 * after it.
	 */
	private List<UnfinishedRevision> unfinished(Connection connection, long fromId) throws SQLException {
		String sql = "SELECT " + HISTORY_COLUMNS + " FROM " + this.historyTable + " WHERE id >= ? AND ("
				+ claimsStampsAndFailures() + ") ORDER BY id";
		Unfinished open = new Unfinished();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, fromId);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					open.add(entry(result, 1));
				}
			}
		}
		return open.revisions;
	}

	/**
	 * What tells the unfinished steps: claims, the stamps that clear them, the failures
	 * that mark them failed.
	 */
	private String claimsStampsAndFailures() {
		return CLAIM_OR_STAMP + " OR success = " + this.dialect.booleanLiteral(false);
	}

	/**
	 * Everything a status shows, in one query: the version rows, the latest successful
	 * upgrade of each revision, the claims, stamps and failures that tell which
	 * non-transactional steps did not finish, and the latest {@code historyLimit} history
	 * rows. A missing table costs one query per table more, as for {@link #read}.
	 */
	public Status status(Connection connection, int historyLimit) throws SQLException {
		String versionPart = "SELECT 0 AS part, 0 AS id, version_num AS revision, NULL AS direction, "
				+ "NULL AS down_revisions, NULL AS message, NULL AS checksum, NULL AS applied_at, NULL AS applied_by, "
				+ "0 AS duration_ms, NULL AS success FROM " + this.versionTable;
		String historyPart = "SELECT 1, " + HISTORY_COLUMNS + " FROM " + this.historyTable
				+ " WHERE id IN (SELECT MAX(id) FROM " + this.historyTable
				+ " WHERE direction = 'upgrade' AND success = " + this.dialect.booleanLiteral(true)
				+ " GROUP BY revision) UNION ALL SELECT 2, " + HISTORY_COLUMNS + " FROM " + this.historyTable
				+ " WHERE " + claimsStampsAndFailures();
		if (historyLimit > 0) {
			historyPart += " UNION ALL SELECT * FROM (SELECT 3, " + HISTORY_COLUMNS + " FROM " + this.historyTable
					+ " ORDER BY id DESC LIMIT " + historyLimit + ") latest";
		}
		StatusReader reader = new StatusReader();
		try {
			reader.read(connection, versionPart + " UNION ALL " + historyPart + " ORDER BY 1, 2");
		}
		catch (SQLException ex) {
			if (!this.dialect.isMissingTable(ex)) {
				throw ex;
			}
			// each part alone, only now: the common case stays one query
			reader = new StatusReader();
			readIfExists(connection, reader, versionPart);
			readIfExists(connection, reader, historyPart + " ORDER BY 1, 2");
		}
		List<HistoryEntry> latest = new ArrayList<>(reader.latest);
		Collections.reverse(latest);
		return new Status(reader.rows, reader.lastUpgrades, latest, reader.unfinished.revisions);
	}

	/** Reads one part of the status; nothing when its table does not exist. */
	private void readIfExists(Connection connection, StatusReader reader, String sql) throws SQLException {
		try {
			reader.read(connection, sql);
		}
		catch (SQLException ex) {
			if (!this.dialect.isMissingTable(ex)) {
				throw ex;
			}
		}
	}

	/**
	 * One history row from the columns of {@link #HISTORY_COLUMNS}, the first at
	 * {@code first}.
	 */
	private HistoryEntry entry(ResultSet result, int first) throws SQLException {
		String downRevisions = result.getString(first + 3);
		return new HistoryEntry(result.getLong(first), result.getString(first + 1),
				Direction.valueOf(result.getString(first + 2).toUpperCase(Locale.ROOT)),
				(downRevisions == null || downRevisions.isEmpty()) ? List.of()
						: Arrays.asList(downRevisions.split(",")),
				result.getString(first + 4), result.getString(first + 5), this.dialect.getTimestamp(result, first + 6),
				result.getString(first + 7), result.getLong(first + 8), result.getBoolean(first + 9));
	}

	/**
	 * Claims the start of a non-transactional step: a history row marked started and not
	 * finished ({@code success} false, {@code duration_ms} -1), committed before its
	 * first statement. Returns its id.
	 */
	public long claim(Connection connection, HistoryRecord record) throws SQLException {
		HistoryRecord claim = new HistoryRecord(record.revision(), record.direction(), record.downRevisions(),
				record.message(), record.checksum(), record.appliedAt(), record.appliedBy(), CLAIM_DURATION, false);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(recordSql(claim) + " RETURNING id")) {
			result.next();
			return result.getLong(1);
		}
	}

	/** The lock's guard statement for this version table, or {@code null}. */
	public String lockGuard(MigrationLock lock) {
		return lock.guard(this.versionTable);
	}

	/**
	 * Locks the version table against other claims until the transaction ends, where the
	 * database needs it.
	 */
	public void lockAgainstClaims(Connection connection) throws SQLException {
		String sql = this.dialect.exclusiveWriteLock(this.versionTable);
		if (sql != null) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * The version rows, or none before the first upgrade created the table: what
	 * {@code current} shows, without reading the history that {@link #read} brings along
	 * (ten thousand rows for ten thousand revisions).
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

	/**
	 * The statements that create the tables that do not exist yet: what
	 * {@link #createTables} runs and a script prints.
	 */
	public List<String> createTablesSql() {
		return this.dialect.createTables(this.schema, this.schemaFound, this.versionTableName, this.historyTableName);
	}

	/**
	 * Creates the tables that do not exist yet, all in one transaction: one commit, and
	 * never one table without the other.
	 */
	public void createTables(Connection connection) throws SQLException {
		this.dialect.begin(connection);
		try {
			createTablesInTransaction(connection);
			this.dialect.commit(connection);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				this.dialect.rollback(connection);
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw ex;
		}
	}

	/** As {@link #createTables}, in the transaction the caller opened. */
	void createTablesInTransaction(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : createTablesSql()) {
				statement.addBatch(ddl);
			}
			statement.executeBatch();
		}
		catch (BatchUpdateException ex) {
			// the database's own error, as a statement run alone reports it
			throw (ex.getNextException() != null) ? ex.getNextException() : ex;
		}
	}

	/**
	 * Whether neither table exists, asked without failing; {@code false} where the
	 * database cannot say so.
	 */
	public boolean neitherTableExists(Connection connection) throws SQLException {
		boolean[] exist = probe(connection);
		return exist != null && !exist[0] && !exist[1];
	}

	/**
	 * The question of {@link #neitherTableExists(Connection)} as expressions that can
	 * ride along another query, or {@code null} where the database has none.
	 */
	public String[] probeExpressions() {
		return this.dialect.existingTablesExpressions(this.schema,
				List.of(this.versionTableName, this.historyTableName));
	}

	/**
	 * As {@link #neitherTableExists(Connection)}, from the answers to
	 * {@link #probeExpressions}; asks the database when they were not asked.
	 */
	public boolean neitherTableExists(Connection connection, String[] answers) throws SQLException {
		Dialect.Found found = this.dialect.found(answers);
		if (found == null) {
			return neitherTableExists(connection);
		}
		this.schemaFound = found.schema();
		return !found.tables()[0] && !found.tables()[1];
	}

	/**
	 * Whether the version and history tables exist, or {@code null} where the database
	 * cannot say without failing; notes whether their schema exists.
	 */
	private boolean[] probe(Connection connection) throws SQLException {
		Dialect.Found found = this.dialect.existingTables(connection, this.schema,
				List.of(this.versionTableName, this.historyTableName));
		if (found == null) {
			return null;
		}
		this.schemaFound = found.schema();
		return found.tables();
	}

	/**
	 * Writes a step's version change and its history row in one round trip (a batch of
	 * literal statements); every delete and update must hit exactly one row.
	 */
	public void write(Connection connection, VersionChange change, HistoryRecord record) throws SQLException {
		write(connection, change, record, 0);
	}

	/**
	 * As {@link #write(Connection, VersionChange, HistoryRecord)}; with a claim id,
	 * completes that claim's row (success, real duration, end time) instead of adding
	 * one.
	 */
	public void write(Connection connection, VersionChange change, HistoryRecord record, long claim)
			throws SQLException {
		List<String> sql = applySql(change);
		sql.add((claim > 0) ? completeSql(claim, record) : recordSql(record));
		int[] counts;
		try (Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.addBatch(each);
			}
			counts = statement.executeBatch();
		}
		checkCounts(change, counts, claim);
	}

	/**
	 * The statements that write a step's version change and its history row, to go in the
	 * step's own batch after its statements: the row's time and duration are
	 * {@code sent}'s (the client's when it sent the batch) plus what the server spent on
	 * the transaction until the row. {@code null} where the database cannot say that. The
	 * steps between a straight line's first and last run a statement that this command
	 * prepares once ({@link #prepareSql}) and drops at its end
	 * ({@link #sessionCleanupSql}).
	 */
	public List<String> writeSql(VersionChange change, HistoryRecord sent) {
		String elapsed = this.dialect.elapsedInTransaction();
		if (elapsed == null) {
			return null;
		}
		this.stepStatementPending = false;
		if (change.hasUpdate() && change.deletes().isEmpty() && change.inserts().isEmpty() && sent.success()
				&& this.dialect.preparesStatements()) {
			// the steps of a straight line but its first and last: the same statement
			// each time, parsed and planned once per command instead of once per step
			if (this.stepStatement == null) {
				this.stepStatement = "migration_step_"
						+ Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
			}
			this.stepStatementPending = !this.stepStatementPrepared;
			return List.of(this.dialect.executeStatement(this.stepStatement,
					List.of(this.dialect.literal(change.updateTo()), this.dialect.literal(change.updateFrom()),
							this.dialect.literal(sent.revision()), this.dialect.literal(sent.direction().word()),
							this.dialect.literal(String.join(",", sent.downRevisions())),
							this.dialect.literal(sent.message()), this.dialect.literal(sent.checksum()),
							this.dialect.timestampLiteral(sent.appliedAt()), this.dialect.literal(sent.appliedBy()),
							String.valueOf(sent.durationMs()))),
					COMMIT);
		}
		List<String> sql = applySql(change);
		String appliedAt = this.dialect.timestampLiteral(sent.appliedAt()) + " + " + elapsed;
		String durationMs = "CAST(" + sent.durationMs() + " + EXTRACT(EPOCH FROM " + elapsed + ") * 1000 AS BIGINT)";
		if (sql.size() == 1 && sent.success()) {
			return List.of(bothRows(sql.get(0), recordValues(sent, appliedAt, durationMs, ONE_ROW_WRITTEN)), COMMIT);
		}
		sql.add(recordSql(sent, appliedAt, durationMs));
		return sql;
	}

	/**
	 * A step of a straight line's version statement and history row as one statement,
	 * which fails (a division by zero, see {@link #countRefused}) unless the version
	 * statement wrote exactly one row: checked on the server, the commit can follow in
	 * the batch.
	 */
	private String bothRows(String versionStatement, String historyValues) {
		return "WITH v AS (" + versionStatement + " RETURNING 1) INSERT INTO " + this.historyTable + " ("
				+ HISTORY_INSERT_COLUMNS + ") SELECT " + historyValues;
	}

	/**
	 * The statement that makes the one {@link #writeSql} gave last exist on the
	 * connection, to go before it in the same batch, or {@code null} when it exists or
	 * was not used.
	 */
	public String prepareSql() {
		if (!this.stepStatementPending) {
			return null;
		}
		String elapsed = this.dialect.elapsedInTransaction();
		String update = "UPDATE " + this.versionTable + " SET version_num = $1 WHERE version_num = $2";
		return this.dialect.prepareStatement(this.stepStatement, STEP_PARAMETER_TYPES,
				bothRows(update, "$3, $4, $5, $6, $7, $8 + " + elapsed + ", $9, CAST($10 + EXTRACT(EPOCH FROM "
						+ elapsed + ") * 1000 AS BIGINT), " + ONE_ROW_WRITTEN));
	}

	/** The batch with {@link #prepareSql} went through: the statement exists. */
	public void prepared() {
		if (this.stepStatementPending) {
			this.stepStatementPrepared = true;
			this.stepStatementPending = false;
		}
	}

	/**
	 * What drops this command's session state from the connection (a pool may hand it out
	 * again), or {@code null} when it left none.
	 */
	public String sessionCleanupSql() {
		return this.stepStatementPrepared ? this.dialect.deallocateStatement(this.stepStatement) : null;
	}

	/**
	 * Fails unless every delete and update of the change hit exactly one row and a claim
	 * was completed, from the update counts of {@link #applySql} and the history
	 * statement, in order.
	 */
	public void checkCounts(VersionChange change, int[] counts, long claim) {
		int index = 0;
		for (String delete : change.deletes()) {
			int count = counts[index++];
			if (count != 1) {
				throw notOne(count, "delete row " + delete);
			}
		}
		if (change.hasUpdate() && counts[index] != 1) {
			throw notOne(counts[index], "update row " + change.updateFrom() + " to " + change.updateTo());
		}
		if (claim > 0 && counts[counts.length - 1] != 1) {
			throw new ConcurrentChangeException("Expected to complete row " + claim + " of " + this.historyTableName
					+ " (the start of this step), but " + counts[counts.length - 1] + " rows matched: someone changed "
					+ "the history table.");
		}
	}

	/**
	 * The caller says what became of the step: a transactional one was rolled back, a
	 * non-transactional one not.
	 */
	private ConcurrentChangeException notOne(int count, String what) {
		return new ConcurrentChangeException("Expected to " + what + " in " + versionTableName() + ", but " + count
				+ " rows matched: another process or a person changed the version table.");
	}

	private String completeSql(long claim, HistoryRecord record) {
		return "UPDATE " + this.historyTable + " SET success = " + this.dialect.booleanLiteral(record.success())
				+ ", duration_ms = " + record.durationMs() + ", applied_at = "
				+ this.dialect.timestampLiteral(record.appliedAt()) + " WHERE id = " + claim + " AND duration_ms = "
				+ CLAIM_DURATION;
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
			sql.add("INSERT INTO " + this.versionTable + " (version_num) VALUES (" + this.dialect.literal(insert)
					+ ")");
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

	/** The history row as a SQL literal statement. */
	public String recordSql(HistoryRecord record) {
		return recordSql(record, this.dialect.timestampLiteral(record.appliedAt()),
				String.valueOf(record.durationMs()));
	}

	/** The history row of an offline script, stamped with the time the script runs. */
	public String scriptRecordSql(HistoryRecord record) {
		return recordSql(record, this.dialect.currentTimestamp(), String.valueOf(record.durationMs()));
	}

	private String recordSql(HistoryRecord record, String appliedAt, String durationMs) {
		return "INSERT INTO " + this.historyTable + " (" + HISTORY_INSERT_COLUMNS + ") VALUES ("
				+ recordValues(record, appliedAt, durationMs, this.dialect.booleanLiteral(record.success())) + ")";
	}

	/** The history row's values, in the order of {@link #HISTORY_INSERT_COLUMNS}. */
	private String recordValues(HistoryRecord record, String appliedAt, String durationMs, String success) {
		return this.dialect.literal(record.revision()) + ", " + this.dialect.literal(record.direction().word()) + ", "
				+ this.dialect.literal(String.join(",", record.downRevisions())) + ", "
				+ this.dialect.literal(record.message()) + ", " + this.dialect.literal(record.checksum()) + ", "
				+ appliedAt + ", " + this.dialect.literal(record.appliedBy()) + ", " + durationMs + ", " + success;
	}

	/**
	 * Whether the failure of a statement of {@link #writeSql} is its refusal of a version
	 * change that did not write exactly one row (the version row moved under the step):
	 * what {@link #countRefused} then says.
	 */
	public boolean refusedCount(SQLException failure) {
		return DIVISION_BY_ZERO.equals(failure.getSQLState());
	}

	/**
	 * What {@link #checkCounts} says of the one delete or update of a change that the
	 * server refused in {@link #writeSql} (the version table's primary key allows at most
	 * one row, so none matched).
	 */
	public ConcurrentChangeException countRefused(VersionChange change) {
		return change.deletes().isEmpty() ? notOne(0, "update row " + change.updateFrom() + " to " + change.updateTo())
				: notOne(0, "delete row " + change.deletes().get(0));
	}

	/** The latest history rows, newest first. */
	public List<HistoryEntry> history(Connection connection, int limit) throws SQLException {
		String sql = "SELECT " + HISTORY_COLUMNS + " FROM " + this.historyTable + " ORDER BY id DESC LIMIT "
				+ Math.max(0, limit);
		List<HistoryEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				entries.add(entry(result, 1));
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
	 * @param tablesExist whether both tables exist yet (a version table alone is read
	 * with an empty history)
	 * @param rows the version rows
	 * @param appliedChecksums per revision, the checksum of its latest successful upgrade
	 */
	public record State(boolean tablesExist, List<String> rows, Map<String, String> appliedChecksums,
			List<UnfinishedRevision> unfinished, long lastHistoryId) {

	}

	/**
	 * What a status shows of the database.
	 *
	 * @param rows the version rows
	 * @param lastUpgrades per revision, its latest successful upgrade
	 * @param history the latest history rows, newest first
	 * @param unfinished the non-transactional steps started and not finished
	 */
	public record Status(List<String> rows, Map<String, HistoryEntry> lastUpgrades, List<HistoryEntry> history,
			List<UnfinishedRevision> unfinished) {

	}

	/** Collects the rows of the status query, tagged by its first column. */
	private final class StatusReader {

		final List<String> rows = new ArrayList<>();

		final Map<String, HistoryEntry> lastUpgrades = new HashMap<>();

		final Unfinished unfinished = new Unfinished();

		final List<HistoryEntry> latest = new ArrayList<>();

		void read(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				while (result.next()) {
					switch (result.getInt(1)) {
						case 0 -> this.rows.add(result.getString(3));
						case 1 -> this.lastUpgrades.put(result.getString(3), entry(result, 2));
						case 2 -> this.unfinished.add(entry(result, 2));
						default -> this.latest.add(entry(result, 2));
					}
				}
			}
		}

	}

	/**
	 * Claims, stamps and failures in id order: a stamp closes the claims before it, a
	 * failure of the same step after a claim marks it failed (its process recorded it);
	 * what is left did not finish.
	 */
	private static final class Unfinished {

		final List<UnfinishedRevision> revisions = new ArrayList<>();

		void add(HistoryEntry row) {
			if (row.direction() == Direction.STAMP) {
				this.revisions.clear();
			}
			else if (row.durationMs() == CLAIM_DURATION) {
				this.revisions.add(new UnfinishedRevision(row.id(), row.revision(), row.direction(),
						row.downRevisions(), row.appliedAt(), row.appliedBy(), false));
			}
			else {
				this.revisions.replaceAll(
						(claim) -> (claim.revision().equals(row.revision()) && claim.direction() == row.direction())
								? new UnfinishedRevision(claim.historyId(), claim.revision(), claim.direction(),
										claim.downRevisions(), claim.startedAt(), claim.startedBy(), true)
								: claim);
			}
		}

	}

	/**
	 * What a step re-reads in its transaction.
	 *
	 * @param rows the version rows
	 * @param claimOpen whether another step's claim is open among the history rows read
	 * @param lastHistoryId the newest history id
	 */
	public record Recheck(List<String> rows, boolean claimOpen, long lastHistoryId) {

	}

	/** Collects the rows of the state query, tagged by its first column. */
	private static final class StateReader {

		final List<String> rows = new ArrayList<>();

		final Map<String, String> checksums = new HashMap<>();

		final Claims claims = new Claims();

		long lastHistoryId;

		void read(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				while (result.next()) {
					switch (result.getInt(1)) {
						case 0 -> this.rows.add(result.getString(2));
						case 1 -> this.checksums.put(result.getString(2), result.getString(3));
						case 2 -> this.claims.add(result.getLong(4), result.getString(3));
						default -> this.lastHistoryId = result.getLong(4);
					}
				}
			}
		}

	}

	/** Claims and stamps in id order: a stamp closes the claims before it. */
	private static final class Claims {

		private final List<Long> open = new ArrayList<>();

		void add(long id, String direction) {
			if (Direction.STAMP.word().equals(direction)) {
				this.open.clear();
			}
			else {
				this.open.add(id);
			}
		}

		List<Long> open() {
			return this.open;
		}

	}

	/** One history row to write. */
	public record HistoryRecord(String revision, Direction direction, List<String> downRevisions, String message,
			String checksum, Instant appliedAt, String appliedBy, long durationMs, boolean success) {

	}

}
