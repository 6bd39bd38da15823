package dev.migration.internal.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches on a real PostgreSQL server: every way a batch fails names the statement and
 * its line. Statements here are given as split, as a Java revision's or an odd input's
 * may reach the runner, which the splitter would have refused.
 */
class PostgresStatementRunnerTests {

	private final PostgresDatabase database = PostgresDatabase.create();

	@Test
	void aStatementTheDriverRefusesWhenAddedToABatchIsNamedWithItsLine() throws SQLException {
		StatementFailedException failure = failure(
				new SqlStatement("CREATE FUNCTION f() RETURNS INTEGER AS $$ SELECT 1 LANGUAGE sql", 7));
		assertThat(failure.line()).isEqualTo(7);
		assertThat(failure.sql()).startsWith("CREATE FUNCTION f()");
		assertThat(failure.getCause()).isInstanceOf(SQLException.class);
	}

	@Test
	void aStatementTheServerRefusesInsideABatchIsNamedWithItsLine() throws SQLException {
		StatementFailedException failure = failure(new SqlStatement("INSERT INTO no_such_table VALUES (1)", 5));
		assertThat(failure.line()).isEqualTo(5);
		assertThat(failure.getMessage()).contains("no_such_table");
	}

	/**
	 * The driver skips JDBC escape processing for statements without a brace (it would
	 * change nothing there); one with an escape still has it translated, in a batch and
	 * alone, and text beside it is sent as written.
	 */
	@Test
	void jdbcEscapesAreStillTranslatedInBatchesAndAlone() throws SQLException {
		List<SqlStatement> statements = List.of(new SqlStatement("CREATE TABLE e (id INTEGER, note TEXT)", 1),
				new SqlStatement("INSERT INTO e VALUES (1, {fn ucase('escaped')})", 2),
				new SqlStatement("INSERT INTO e VALUES (2, 'no brace: fn ucase(x) -- kept')", 3),
				new SqlStatement("INSERT INTO e VALUES (3, '{fn ucase(''quoted'')}')", 4));
		try (Connection connection = this.database.connect()) {
			connection.setAutoCommit(false);
			try {
				StatementRunner.runBatched(connection, statements);
				assertThat(notes(connection)).containsExactly("ESCAPED", "no brace: fn ucase(x) -- kept",
						"{fn ucase('quoted')}");
				connection.rollback();
				StatementRunner.runEach(connection, statements);
				assertThat(notes(connection)).containsExactly("ESCAPED", "no brace: fn ucase(x) -- kept",
						"{fn ucase('quoted')}");
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static List<String> notes(Connection connection) throws SQLException {
		List<String> notes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT note FROM e ORDER BY id")) {
			while (rows.next()) {
				notes.add(rows.getString(1));
			}
		}
		return notes;
	}

	/**
	 * Runs the statement between two good ones (lines 3 and 9) as one batch in a
	 * transaction that is rolled back; the failure it must end in.
	 */
	private StatementFailedException failure(SqlStatement failing) throws SQLException {
		List<SqlStatement> statements = List.of(new SqlStatement("CREATE TABLE a (id INTEGER)", 3), failing,
				new SqlStatement("CREATE TABLE b (id INTEGER)", 9));
		try (Connection connection = this.database.connect()) {
			connection.setAutoCommit(false);
			try {
				StatementRunner.runBatched(connection, statements);
			}
			catch (StatementFailedException ex) {
				return ex;
			}
			finally {
				connection.rollback();
			}
		}
		throw new AssertionError("The batch did not fail");
	}

}
