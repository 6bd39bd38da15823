package dev.migration.internal.execute;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;
import dev.migration.internal.source.StatementSplitter;

/**
 * Runs the statements of a SQL step, one by one or, where the database takes them so
 * (PostgreSQL), in batches: each run of statements that return no rows goes to the server
 * as one JDBC batch, one round trip instead of one per statement. On a local PostgreSQL
 * server that saved a quarter to a third of a millisecond per statement (measured);
 * against a remote one each saves a network round trip. Statements that may return rows
 * run alone, as JDBC requires of a batch. A failure names the statement that failed, as
 * when each runs alone.
 */
final class StatementRunner {

	/**
	 * Commands that never return rows; insert, update and delete unless they say
	 * {@code RETURNING}.
	 */
	private static final Set<String> ROWLESS_COMMANDS = Set.of("create", "alter", "drop", "comment", "grant", "revoke",
			"truncate", "insert", "update", "delete", "do", "set", "reset", "lock", "analyze");

	private static final Set<String> DML_COMMANDS = Set.of("insert", "update", "delete");

	/**
	 * As a word: a column named {@code returning_at} only makes the statement run alone,
	 * which is always safe.
	 */
	private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");

	private StatementRunner() {
	}

	/** Runs each statement alone, in order. */
	static void runEach(Connection connection, List<SqlStatement> statements) {
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement each : statements) {
				runAlone(statement, each);
			}
		}
		catch (SQLException ex) {
			throw new StatementFailedException("", 0, ex);
		}
	}

	/**
	 * Runs the statements in order, consecutive ones that return no rows as one batch.
	 * Only inside a transaction: a batch outside one would run as one implicit
	 * transaction, which some statements refuse ({@code CREATE INDEX CONCURRENTLY}).
	 * Returns each statement's update count (-1 for one that returned rows).
	 */
	static int[] runBatched(Connection connection, List<SqlStatement> statements) {
		boolean[] rowless = new boolean[statements.size()];
		for (int index = 0; index < rowless.length; index++) {
			rowless[index] = returnsNoRows(statements.get(index).sql());
		}
		return runBatched(connection, statements, rowless);
	}

	/**
	 * As {@link #runBatched(Connection, List)}, told which statements return no rows
	 * ({@code rowless[i]} for {@code statements.get(i)}).
	 */
	static int[] runBatched(Connection connection, List<SqlStatement> statements, boolean[] rowless) {
		int[] counts = new int[statements.size()];
		try (Statement statement = connection.createStatement()) {
			int batchStart = 0;
			for (int index = 0; index < statements.size(); index++) {
				if (!rowless[index]) {
					runBatch(statement, statements.subList(batchStart, index), counts, batchStart);
					counts[index] = runAlone(statement, statements.get(index));
					batchStart = index + 1;
				}
			}
			runBatch(statement, statements.subList(batchStart, statements.size()), counts, batchStart);
			return counts;
		}
		catch (SQLException ex) {
			throw new StatementFailedException("", 0, ex);
		}
	}

	/**
	 * Whether the statement is sure to return no rows, so that it may be part of a batch
	 * (PostgreSQL's only).
	 */
	static boolean returnsNoRows(String sql) {
		String command = StatementSplitter.firstWord(SqlSyntax.POSTGRESQL, sql);
		return ROWLESS_COMMANDS.contains(command) && !(DML_COMMANDS.contains(command) && RETURNING.matcher(sql).find());
	}

	private static int runAlone(Statement statement, SqlStatement each) {
		try {
			escapes(statement, each);
			statement.execute(each.sql());
			return statement.getUpdateCount();
		}
		catch (SQLException ex) {
			throw new StatementFailedException(each.sql(), each.line(), ex);
		}
	}

	/**
	 * JDBC escape processing ({@code {fn ...}}, {@code {d '...'}}) only for a statement
	 * that has a brace: without one it changes nothing, and the driver would copy the
	 * text character by character to find that out (a tenth of a fleet's client CPU,
	 * measured).
	 */
	private static void escapes(Statement statement, SqlStatement each) throws SQLException {
		statement.setEscapeProcessing(each.sql().indexOf('{') >= 0);
	}

	/**
	 * Runs the statements as one batch; their update counts go to {@code counts} from
	 * {@code at}.
	 */
	private static void runBatch(Statement statement, List<SqlStatement> batch, int[] counts, int at)
			throws SQLException {
		if (batch.size() < 2) {
			for (int index = 0; index < batch.size(); index++) {
				counts[at + index] = runAlone(statement, batch.get(index));
			}
			return;
		}
		for (SqlStatement each : batch) {
			try {
				// the driver parses the statement here (an unclosed dollar quote fails
				// now, not when sent)
				escapes(statement, each);
				statement.addBatch(each.sql());
			}
			catch (SQLException ex) {
				throw new StatementFailedException(each.sql(), each.line(), ex);
			}
		}
		try {
			int[] done = statement.executeBatch();
			System.arraycopy(done, 0, counts, at, done.length);
		}
		catch (SQLException ex) {
			// the database's own error, as a statement run alone reports it
			SQLException cause = (ex instanceof BatchUpdateException && ex.getNextException() != null)
					? ex.getNextException() : ex;
			SqlStatement failed = failedStatement(batch, ex.getMessage());
			if (failed == null && cause != ex) {
				failed = failedStatement(batch, cause.getMessage());
			}
			throw (failed != null) ? new StatementFailedException(failed.sql(), failed.line(), cause)
					: unknownStatementOf(batch, cause);
		}
	}

	/**
	 * A batch failure that names no statement (a lost connection, a driver in another
	 * language that quotes none): where the batch starts, and its text, so that the error
	 * still points into the file.
	 */
	private static StatementFailedException unknownStatementOf(List<SqlStatement> batch, SQLException cause) {
		StringBuilder statements = new StringBuilder();
		for (SqlStatement each : batch) {
			statements.append((statements.length() > 0) ? "; " : "").append(each.sql());
		}
		return new StatementFailedException(statements.toString(), batch.get(0).line(), cause);
	}

	/**
	 * The statement a batch failure is about. JDBC gives no index (the PostgreSQL driver
	 * marks every entry failed), but the driver's message says
	 * {@code Batch entry <index> <statement> was aborted}: the entry named so, or, when
	 * the message is in another language, the statement whose text it quotes (the
	 * longest, as one statement's text can hold another's; of equal texts the first).
	 * {@code null} when it quotes none.
	 */
	static SqlStatement failedStatement(List<SqlStatement> batch, String message) {
		if (message == null) {
			return null;
		}
		for (int index = 0; index < batch.size(); index++) {
			if (message.contains("Batch entry " + index + " " + batch.get(index).sql())) {
				return batch.get(index);
			}
		}
		SqlStatement quoted = null;
		for (SqlStatement each : batch) {
			if ((quoted == null || each.sql().length() > quoted.sql().length()) && message.contains(each.sql())) {
				quoted = each;
			}
		}
		return quoted;
	}

}
