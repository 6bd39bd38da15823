package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.migration.MigrationException;
import dev.migration.internal.operations.SqlRenderer;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.source.SqlSyntax;

/**
 * Everything that differs between databases: quoting, the DDL of the two tables,
 * transactions, the migration lock and timestamps. One class per database.
 */
public interface Dialect {

	/**
	 * {@code postgresql} or {@code sqlite}, as {@code Operations.dialect()} tells a Java
	 * revision.
	 */
	String name();

	/** The database's name in messages: {@code PostgreSQL} or {@code SQLite}. */
	String displayName();

	/**
	 * How this database reads SQL text: where its comments, quotes and statements end.
	 */
	SqlSyntax syntax();

	/** Renders a Java revision's operations as this database's SQL. */
	SqlRenderer renderer();

	/**
	 * The lines an offline script starts with so that the database's client runs it as
	 * the online command runs it: stop at the first error, commit statements outside
	 * BEGIN/COMMIT on their own, read the script as UTF-8.
	 */
	String scriptPreamble();

	/**
	 * The DDL that creates the version and history tables if they do not exist, and their
	 * schema unless {@code schemaExists}.
	 */
	List<String> createTables(String schema, boolean schemaExists, String versionTable, String historyTable);

	/** Whether the exception says that a table does not exist. */
	boolean isMissingTable(SQLException exception);

	/**
	 * Which of the tables exist and whether their schema does, asked in one query that
	 * cannot fail on a missing table, or {@code null} where the database has no such
	 * query: the caller then tries each table.
	 */
	default Found existingTables(Connection connection, String schema, List<String> tables) throws SQLException {
		return null;
	}

	/**
	 * The question of {@link #existingTables} as SQL expressions with literals (whether
	 * the schema exists, then each table), to ride along another query, or {@code null}
	 * where the database has none: {@link #found} reads their answers.
	 */
	default String[] existingTablesExpressions(String schema, List<String> tables) {
		return null;
	}

	/**
	 * What the expressions of {@link #existingTablesExpressions} answered, as text, or
	 * {@code null} when they were not asked.
	 */
	default Found found(String[] answers) {
		if (answers == null || answers.length == 0 || answers[0] == null) {
			return null;
		}
		boolean[] tables = new boolean[answers.length - 1];
		for (int index = 0; index < tables.length; index++) {
			tables[index] = "t".equals(answers[index + 1]) || "true".equals(answers[index + 1]);
		}
		return new Found("t".equals(answers[0]) || "true".equals(answers[0]), tables);
	}

	/**
	 * What {@link #existingTables} found.
	 *
	 * @param schema whether the named schema exists ({@code true} when none is named)
	 * @param tables whether each table exists, in the order asked
	 */
	record Found(boolean schema, boolean[] tables) {

	}

	/**
	 * Whether the exception says the database's own lock could not be had in time
	 * (SQLite's busy timeout); such a failure is a lock timeout, not an error of the
	 * revision.
	 */
	default boolean isLockTimeout(SQLException exception) {
		return false;
	}

	/** Opens the step's transaction on a connection that is in auto-commit mode. */
	void begin(Connection connection) throws SQLException;

	void commit(Connection connection) throws SQLException;

	void rollback(Connection connection) throws SQLException;

	/**
	 * Whether each step must re-read the version rows inside its transaction, because
	 * there is no session lock.
	 */
	boolean rereadsEachStep();

	/**
	 * Whether a step's statements that return no rows may go to the server together, as
	 * one JDBC batch inside the step's transaction: one round trip instead of one per
	 * statement. Pointless for an embedded database.
	 */
	default boolean batchesStatements() {
		return false;
	}

	/**
	 * The statement that keeps other transactions from writing the table until this one
	 * ends, while they may still read it, or {@code null} where the transaction's own
	 * write lock does that already (SQLite's BEGIN IMMEDIATE).
	 */
	default String exclusiveWriteLock(String qualifiedTable) {
		return null;
	}

	/**
	 * Takes the lock that makes one process at a time migrate; waits at most
	 * {@code timeout}.
	 */
	MigrationLock lock(ConnectionSource connections, Connection connection, String key, Duration timeout);

	/**
	 * As {@link #lock(ConnectionSource, Connection, String, Duration)}, and asks
	 * {@code expressions} on the migrating connection in the round trip that prepares it
	 * once the lock is held, where there is one: {@code answers[i]} receives
	 * {@code expressions[i]} as text, or stays {@code null}.
	 */
	default MigrationLock lock(ConnectionSource connections, Connection connection, String key, Duration timeout,
			String[] expressions, String[] answers) {
		return lock(connections, connection, key, timeout);
	}

	/**
	 * Prepares a connection for migrating; returns what {@link #restore} needs to undo
	 * it.
	 */
	default Object prepare(Connection connection, Duration lockTimeout) throws SQLException {
		return null;
	}

	default void restore(Connection connection, Object prepared) throws SQLException {
	}

	/**
	 * Called before a transactional step's transaction opens: switches foreign key
	 * enforcement off when the database honours that only outside a transaction (SQLite)
	 * and the step needs it off; returns whether it did. The step then calls
	 * {@link #checkForeignKeys} before its commit and {@link #resumeForeignKeys} after
	 * commit or rollback.
	 * @param body the step's body: whether it moves and copies tables or asks for foreign
	 * keys off is found only when it matters, since finding it may run the revision's
	 * code against no database
	 */
	default boolean suspendForeignKeys(Connection connection, RevisionBody body) throws SQLException {
		return false;
	}

	/**
	 * Fails, naming the rows, when the step left a foreign key violated while enforcement
	 * was off.
	 */
	default void checkForeignKeys(Connection connection) throws SQLException {
	}

	default void resumeForeignKeys(Connection connection) throws SQLException {
	}

	void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException;

	Instant getTimestamp(ResultSet resultSet, int index) throws SQLException;

	/** A timestamp as a SQL literal, for offline scripts. */
	String timestampLiteral(Instant instant);

	/**
	 * The time the statement runs, as SQL, stored as {@link #setTimestamp} stores one: a
	 * script records when it ran, not when it was written.
	 */
	String currentTimestamp();

	/** A boolean as a SQL literal. */
	String booleanLiteral(boolean value);

	/**
	 * An interval expression: the time the server has spent since the transaction began,
	 * so that a step's history row can go in the step's own batch; {@code null} where
	 * there is none.
	 */
	default String elapsedInTransaction() {
		return null;
	}

	/**
	 * Whether a statement sent many times on one connection can be prepared once, by
	 * name, with {@link #prepareStatement}, {@link #executeStatement} and
	 * {@link #deallocateStatement}: parsed and planned once instead of each time.
	 */
	default boolean preparesStatements() {
		return false;
	}

	/**
	 * The statement that prepares {@code sql}, whose parameters are {@code $1},
	 * {@code $2}, ... of the given types, as a statement of the session named
	 * {@code name}.
	 */
	default String prepareStatement(String name, List<String> parameterTypes, String sql) {
		throw new UnsupportedOperationException(displayName() + " has no prepared statements by name");
	}

	/** The statement that runs the prepared statement with the arguments (SQL text). */
	default String executeStatement(String name, List<String> arguments) {
		throw new UnsupportedOperationException(displayName() + " has no prepared statements by name");
	}

	/** The statement that drops the prepared statement. */
	default String deallocateStatement(String name) {
		throw new UnsupportedOperationException(displayName() + " has no prepared statements by name");
	}

	default String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	default String qualify(String schema, String table) {
		return (schema == null || schema.isEmpty()) ? quote(table) : quote(schema) + "." + quote(table);
	}

	/** A string as a SQL literal. */
	default String literal(String value) {
		return (value == null) ? "NULL" : "'" + value.replace("'", "''") + "'";
	}

	/** The dialect for a name given by the user ({@code postgresql}, {@code sqlite}). */
	static Dialect named(String name) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "postgresql":
			case "postgres":
				return new PostgresDialect();
			case "sqlite":
				return new SqliteDialect();
			default:
				throw new MigrationException("Unsupported dialect '" + name + "'. Use postgresql or sqlite.");
		}
	}

	/** The dialect of a live connection. */
	static Dialect of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		if ("PostgreSQL".equalsIgnoreCase(product)) {
			return new PostgresDialect();
		}
		if ("SQLite".equalsIgnoreCase(product)) {
			return new SqliteDialect();
		}
		throw new MigrationException(
				"Database '" + product + "' is not supported; PostgreSQL and SQLite are. " + "Nothing was run.");
	}

}
