package dev.migration.internal.source;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.StatementSplitter.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class StatementSplitterTests {

	private static final SqlSyntax POSTGRESQL = SqlSyntax.POSTGRESQL;

	private static final SqlSyntax SQLITE = SqlSyntax.SQLITE;

	/** Both databases: the splits that must not differ between them. */
	private static final List<SqlSyntax> BOTH = List.of(POSTGRESQL, SQLITE);

	/** The databases, a text, then the statements it splits into on each of them. */
	static Stream<Arguments> splits() {
		return Stream.of(
				argumentSet("splitsOnSemicolons", BOTH, "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n",
						List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)")),
				argumentSet("keepsSemicolonsInsideStringLiterals", BOTH, "INSERT INTO t VALUES ('a;b');SELECT 1;",
						List.of("INSERT INTO t VALUES ('a;b')", "SELECT 1")),
				argumentSet("keepsSemicolonsAfterDoubledQuotesInsideStringLiterals", BOTH,
						"INSERT INTO t VALUES ('it''s; fine');SELECT 1;",
						List.of("INSERT INTO t VALUES ('it''s; fine')", "SELECT 1")),
				argumentSet("treatsBackslashAsEscapeInsidePostgresEscapeStrings", List.of(POSTGRESQL),
						"SELECT E'it\\'s; fine';SELECT e'\\\\';SELECT E'a''b;\\'c';SELECT 1;",
						List.of("SELECT E'it\\'s; fine'", "SELECT e'\\\\'", "SELECT E'a''b;\\'c'", "SELECT 1")),
				argumentSet("treatsBackslashAsPlainCharacterInsideStandardStrings", BOTH, "SELECT 'C:\\';SELECT 1;",
						List.of("SELECT 'C:\\'", "SELECT 1")),
				argumentSet("doesNotTakeAWordEndingInEForAnEscapeStringPrefix", List.of(POSTGRESQL),
						"SELECT name'\\';SELECT 1;", List.of("SELECT name'\\'", "SELECT 1")),
				argumentSet("keepsSemicolonsInsideDoubleQuotedIdentifiers", BOTH,
						"CREATE TABLE \"a;\"\"b\" (id INT);SELECT 1;",
						List.of("CREATE TABLE \"a;\"\"b\" (id INT)", "SELECT 1")),
				argumentSet("keepsSemicolonsInsideSqliteBacktickAndBracketIdentifiers", List.of(SQLITE),
						"CREATE TABLE `a;``b` (id INT);SELECT [c;d];SELECT 1;",
						List.of("CREATE TABLE `a;``b` (id INT)", "SELECT [c;d]", "SELECT 1")),
				argumentSet("readsBracketsInPostgresAsArraySubscriptsNotQuotes", List.of(POSTGRESQL),
						"SELECT ARRAY['a;b]', 'c'][1];SELECT 2;", List.of("SELECT ARRAY['a;b]', 'c'][1]", "SELECT 2")),
				argumentSet("keepsSemicolonsInsideLineComments", BOTH, "SELECT 1 -- one; two\n;SELECT 2;",
						List.of("SELECT 1 -- one; two", "SELECT 2")),
				argumentSet("keepsSemicolonsInsideBlockComments", BOTH, "SELECT /* one; two */ 1;SELECT 2;",
						List.of("SELECT /* one; two */ 1", "SELECT 2")),
				argumentSet("nestsBlockCommentsInPostgres", List.of(POSTGRESQL),
						"SELECT /* outer /* inner */ still; comment */ 1;SELECT 2;",
						List.of("SELECT /* outer /* inner */ still; comment */ 1", "SELECT 2")),
				argumentSet("readsDollarsInSqliteAsParametersNotQuotes", List.of(SQLITE),
						"SELECT $x$;SELECT $$;SELECT 2;", List.of("SELECT $x$", "SELECT $$", "SELECT 2")),
				argumentSet("takesDollarDigitForAParameterAndNotAQuote", List.of(POSTGRESQL),
						"PREPARE p AS SELECT $1;SELECT $2;", List.of("PREPARE p AS SELECT $1", "SELECT $2")),
				argumentSet("takesDollarInsideAWordForPartOfTheIdentifier", List.of(POSTGRESQL),
						"SELECT a$b$ FROM t;SELECT 1;", List.of("SELECT a$b$ FROM t", "SELECT 1")),
				argumentSet("splitsPostgresTriggersThatHaveNoBody", List.of(POSTGRESQL),
						"CREATE TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f();SELECT 1;",
						List.of("CREATE TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f()", "SELECT 1")),
				argumentSet("splitsTransactionBeginLikeAnyOtherStatement", BOTH, "BEGIN;SELECT 1;END;",
						List.of("BEGIN", "SELECT 1", "END")),
				argumentSet("dropsChunksOfOnlyComments", BOTH,
						"-- nothing; here\n/* nor; here */\n;SELECT 1;\n-- trailing\n", List.of("SELECT 1")),
				argumentSet("keepsCommentsInsideStatements", BOTH,
						"-- add a column\nALTER TABLE a ADD b INT; -- done\n",
						List.of("-- add a column\nALTER TABLE a ADD b INT")));
	}

	@ParameterizedTest
	@MethodSource("splits")
	void splits(List<SqlSyntax> syntaxes, String text, List<String> statements) {
		for (SqlSyntax syntax : syntaxes) {
			assertThat(sql(syntax, text)).as(syntax.name()).containsExactlyElementsOf(statements);
		}
	}

	@Test
	void theFirstWordIsTheCommandAfterCommentsInLowerCase() {
		assertThat(StatementSplitter.firstWord(POSTGRESQL, "CREATE TABLE a (id INT)")).isEqualTo("create");
		assertThat(StatementSplitter.firstWord(POSTGRESQL, "  -- why\n/* nested /* block */ */\nInsert INTO a"))
			.isEqualTo("insert");
		assertThat(StatementSplitter.firstWord(SQLITE, "/* flat /* block */\nInsert INTO a")).isEqualTo("insert");
		assertThat(StatementSplitter.firstWord(POSTGRESQL, "(SELECT 1)")).isEmpty();
		assertThat(StatementSplitter.firstWord(SQLITE, "-- only a comment")).isEmpty();
		assertThat(StatementSplitter.firstWord(POSTGRESQL, "")).isEmpty();
	}

	@Test
	void readsNoEscapeStringsInSqlite() {
		// SQLite reads E as a name and 'a\' as a string: the backslash escapes nothing
		assertThat(sqlite("SELECT E'a\\';SELECT 1;")).containsExactly("SELECT E'a\\'", "SELECT 1");
	}

	@Test
	void endsABlockCommentAtItsFirstClosingMarkInSqlite() {
		String text = "/* loads data/*.csv later */\nCREATE TABLE y (id INT);\nINSERT INTO y VALUES (1);\n";
		assertThat(StatementSplitter.statements(SQLITE, "f.sql", text, 6)).containsExactly(
				new SqlStatement("/* loads data/*.csv later */\nCREATE TABLE y (id INT)", 7),
				new SqlStatement("INSERT INTO y VALUES (1)", 8));
	}

	@Test
	void refusesAPostgresCommentLeftOpenByANestedOpening() {
		String text = "/* loads data/*.csv later */\nCREATE TABLE y (id INT);\nINSERT INTO y VALUES (1);\n";
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> StatementSplitter.statements(POSTGRESQL, "f.sql", text, 6))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(6))
			.withMessageStartingWith("f.sql:6: unterminated block comment: the /* opened here is never closed")
			.withMessageContaining("comments nest");
	}

	/**
	 * A database, a statement whose body holds semicolons, the text after it, then the
	 * statement that must split off after it.
	 */
	static Stream<Arguments> wholeBodies() {
		return Stream.of(
				argumentSet("keepsSemicolonsInsideDollarQuotes", POSTGRESQL,
						"CREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql", ";SELECT 2;", "SELECT 2"),
				argumentSet("keepsSemicolonsInsideTaggedDollarQuotesThatHoldOtherDollarQuotes", POSTGRESQL, """
						CREATE FUNCTION f() RETURNS VOID AS $body$
						BEGIN
							EXECUTE $$SELECT 1;$$;
							RAISE NOTICE 'done; $x$';
						END;
						$body$ LANGUAGE plpgsql""", ";\nSELECT 2;", "SELECT 2"),
				argumentSet("keepsPostgresRuleActionsInParenthesesTogether", POSTGRESQL,
						"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
						";SELECT 1;", "SELECT 1"),
				argumentSet("keepsSqliteTriggerBodiesTogether", SQLITE, """
						CREATE TRIGGER touch AFTER UPDATE ON users
						BEGIN
							UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
							INSERT INTO audit VALUES (NEW.id);
						END""", ";\nSELECT 1;", "SELECT 1"),
				argumentSet("keepsSqliteTriggerBodiesWithCaseExpressionsTogether", SQLITE, """
						create temp trigger grade after insert on scores
						begin
							update scores set grade = case when new.points > 90 then 'A' else 'B' end where id = new.id;
							select case new.points when 0 then raise(abort, 'zero; really') end;
						end""", ";SELECT 1;", "SELECT 1"),
				// SQLite takes BEGIN and END for names where a name fits; only ';' END
				// ';' ends
				// the body (sqlite3_complete)
				argumentSet("keepsSqliteTriggerBodiesThatNameColumnsBeginAndEndTogether", SQLITE, """
						CREATE TRIGGER grow AFTER UPDATE OF begin ON ranges BEGIN
							UPDATE ranges SET end = NEW.end + 1 WHERE id = NEW.id;
							UPDATE ranges SET begin = 0 WHERE id = NEW.id;
						END""", ";SELECT 1;", "SELECT 1"),
				argumentSet("keepsPostgresBeginAtomicBodiesTogether", POSTGRESQL, """
						CREATE OR REPLACE FUNCTION grade(points INT) RETURNS TEXT LANGUAGE sql
						BEGIN ATOMIC
							SELECT CASE WHEN points > 90 THEN 'A' ELSE 'B' END;
							SELECT 'x';
						END""", ";\nSELECT 1;", "SELECT 1"),
				argumentSet("keepsPostgresProcedureBeginAtomicBodiesTogether", POSTGRESQL,
						"CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO a VALUES (1); INSERT INTO a VALUES (2); END",
						";SELECT 1;", "SELECT 1"));
	}

	@ParameterizedTest
	@MethodSource("wholeBodies")
	void keepsBodiesWhole(SqlSyntax syntax, String statement, String rest, String next) {
		assertThat(sql(syntax, statement + rest)).containsExactly(statement, next);
	}

	@Test
	void keepsSqliteTemporaryAndExplainedTriggerBodiesTogether() {
		String trigger = "CREATE TEMPORARY TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; DELETE FROM c; END";
		String explained = "EXPLAIN QUERY PLAN CREATE TRIGGER u AFTER INSERT ON a BEGIN DELETE FROM b; END";
		assertThat(sqlite(trigger + ";" + explained + ";SELECT 1;")).containsExactly(trigger, explained, "SELECT 1");
	}

	@Test
	void takesTheTextAfterTheLastSemicolonForAStatement() {
		assertThat(both("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
		assertThat(both("SELECT 1;\nSELECT 2\n-- trailing comment\n/* and a block */\n")).containsExactly("SELECT 1",
				"SELECT 2\n-- trailing comment\n/* and a block */");
	}

	@Test
	void findsNoStatementInEmptyInput() {
		assertThat(both("")).isEmpty();
		assertThat(StatementSplitter.chunks(POSTGRESQL, "")).containsExactly(new Chunk("", 0, 0));
	}

	@Test
	void reportsChunksWithTheirOffsets() {
		assertThat(StatementSplitter.chunks(SQLITE, "a;'b;c';")).containsExactly(new Chunk("a", 0, 1),
				new Chunk("'b;c'", 2, 7), new Chunk("", 8, 8));
	}

	@Test
	void keepsTheRestOfTheTextInOneChunkWhenAQuoteIsNeverClosed() {
		assertThat(StatementSplitter.chunks(POSTGRESQL, "SELECT 'a;b;c"))
			.containsExactly(new Chunk("SELECT 'a;b;c", 0, 13));
	}

	@Test
	void refusesAStringLiteralThatIsNeverClosedNamingTheLineItOpensOn() {
		// a backslash escapes nothing in a standard string: the quote after "fine" opens
		// one more string
		String text = "SELECT 1;\nINSERT INTO t VALUES ('it\\'s fine');\nSELECT 2;\n";
		for (SqlSyntax syntax : SqlSyntax.values()) {
			assertThatExceptionOfType(RevisionParseException.class)
				.isThrownBy(() -> StatementSplitter.statements(syntax, "f.sql", text, 10))
				.satisfies((failure) -> assertThat(failure.line()).isEqualTo(11))
				.withMessageStartingWith("f.sql:11: unterminated string literal: the ' opened here is never closed;"
						+ " end it with ' (write '' for a quote inside it) (at: ');)");
		}
	}

	@Test
	void refusesEveryKindOfUnterminatedTextNamingTheLineItOpensOn() {
		assertRefused(POSTGRESQL, "SELECT 1;\nSELECT E'a\\';\n", 2, "unterminated escape string");
		assertRefused(POSTGRESQL, "SELECT 1;\nSELECT \"a;\n", 2, "unterminated quoted identifier: the \"");
		assertRefused(SQLITE, "SELECT 1;\nSELECT `a;\n", 2, "unterminated quoted identifier: the `");
		assertRefused(SQLITE, "SELECT 1;\nSELECT [a;\n", 2, "unterminated quoted identifier: the ]");
		assertRefused(POSTGRESQL, "SELECT 1;\nDO $body$ BEGIN; END $$;\n", 2,
				"unterminated dollar quote: the $body$ opened here is never closed; end the quoted text with $body$");
		assertRefused(SQLITE, "SELECT 1;\n/* the rest\nSELECT 2;\n", 2, "unterminated block comment");
		assertRefused(POSTGRESQL, "SELECT 1;\nCREATE FUNCTION f() RETURNS INT LANGUAGE sql\nBEGIN ATOMIC SELECT 1;\n",
				3, "unterminated routine body");
		assertRefused(POSTGRESQL, "SELECT 1;\nINSERT INTO a VALUES ((1);\nSELECT 2;\n", 2, "unterminated parenthesis");
		assertRefused(SQLITE, "SELECT 1;\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN SELECT 1;\nSELECT 2;\n", 2,
				"unterminated trigger");
	}

	@Test
	void numbersLinesFromTheFirstCharacterThatIsNotWhitespaceOrComment() {
		List<SqlStatement> statements = StatementSplitter.statements(POSTGRESQL, "f.sql",
				"\nSELECT 1;\n\n-- comment\n/* block\n comment */\n  SELECT\n2;SELECT 3;", 10);
		assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 11),
				new SqlStatement("-- comment\n/* block\n comment */\n  SELECT\n2", 16),
				new SqlStatement("SELECT 3", 17));
	}

	@Test
	void countsLinesInsideQuotedText() {
		List<SqlStatement> statements = StatementSplitter.statements(SQLITE, "f.sql", "SELECT 'a\n;\nb';\nSELECT 2;",
				1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4);
	}

	@Test
	void splitsAMegabyteQuickly() {
		String statement = "INSERT INTO t VALUES (1, 'a;b', $$c;d$$, \"e;f\") /* g; */ -- h;\n;\n";
		String text = statement.repeat(1_000_000 / statement.length());
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> StatementSplitter.statements(POSTGRESQL, "f.sql", text, 1));
		assertThat(statements).hasSize(1_000_000 / statement.length());
		assertThat(statements.get(statements.size() - 1).line()).isEqualTo(2 * statements.size() - 1);
	}

	private static void assertRefused(SqlSyntax syntax, String text, int line, String problem) {
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> StatementSplitter.statements(syntax, "f.sql", text, 1))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(line))
			.withMessageStartingWith("f.sql:" + line + ": " + problem);
	}

	private static List<String> postgres(String text) {
		return sql(POSTGRESQL, text);
	}

	private static List<String> sqlite(String text) {
		return sql(SQLITE, text);
	}

	/** The statements, which must be the same for both databases. */
	private static List<String> both(String text) {
		List<String> statements = postgres(text);
		assertThat(sqlite(text)).isEqualTo(statements);
		return statements;
	}

	private static List<String> sql(SqlSyntax syntax, String text) {
		return StatementSplitter.statements(syntax, "f.sql", text, 1).stream().map(SqlStatement::sql).toList();
	}

}
