package dev.migration.internal.source;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.StatementSplitter.Chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class StatementSplitterTests {

	@Test
	void splitsOnSemicolons() {
		assertThat(sql("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n"))
			.containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
	}

	@Test
	void theFirstWordIsTheCommandAfterCommentsInLowerCase() {
		assertThat(StatementSplitter.firstWord("CREATE TABLE a (id INT)")).isEqualTo("create");
		assertThat(StatementSplitter.firstWord("  -- why\n/* nested /* block */ */\nInsert INTO a VALUES (1)"))
			.isEqualTo("insert");
		assertThat(StatementSplitter.firstWord("(SELECT 1)")).isEmpty();
		assertThat(StatementSplitter.firstWord("-- only a comment")).isEmpty();
		assertThat(StatementSplitter.firstWord("")).isEmpty();
	}

	@Test
	void keepsSemicolonsInsideStringLiterals() {
		assertThat(sql("INSERT INTO t VALUES ('a;b');SELECT 1;")).containsExactly("INSERT INTO t VALUES ('a;b')",
				"SELECT 1");
	}

	@Test
	void keepsSemicolonsAfterDoubledQuotesInsideStringLiterals() {
		assertThat(sql("INSERT INTO t VALUES ('it''s; fine');SELECT 1;"))
			.containsExactly("INSERT INTO t VALUES ('it''s; fine')", "SELECT 1");
	}

	@Test
	void treatsBackslashAsEscapeInsidePostgresEscapeStrings() {
		assertThat(sql("SELECT E'it\\'s; fine';SELECT e'\\\\';SELECT 1;"))
			.containsExactly("SELECT E'it\\'s; fine'", "SELECT e'\\\\'", "SELECT 1");
	}

	@Test
	void treatsBackslashAsPlainCharacterInsideStandardStrings() {
		assertThat(sql("SELECT 'C:\\';SELECT 1;")).containsExactly("SELECT 'C:\\'", "SELECT 1");
	}

	@Test
	void doesNotTakeAWordEndingInEForAnEscapeStringPrefix() {
		assertThat(sql("SELECT name'\\';SELECT 1;")).containsExactly("SELECT name'\\'", "SELECT 1");
	}

	@Test
	void keepsSemicolonsInsideDoubleQuotedIdentifiers() {
		assertThat(sql("CREATE TABLE \"a;\"\"b\" (id INT);SELECT 1;"))
			.containsExactly("CREATE TABLE \"a;\"\"b\" (id INT)", "SELECT 1");
	}

	@Test
	void keepsSemicolonsInsideBacktickIdentifiers() {
		assertThat(sql("CREATE TABLE `a;b` (id INT);SELECT 1;")).containsExactly("CREATE TABLE `a;b` (id INT)",
				"SELECT 1");
	}

	@Test
	void keepsSemicolonsInsideBracketIdentifiers() {
		assertThat(sql("CREATE TABLE [a;b] (id INT);SELECT 1;")).containsExactly("CREATE TABLE [a;b] (id INT)",
				"SELECT 1");
	}

	@Test
	void keepsSemicolonsInsideLineComments() {
		assertThat(sql("SELECT 1 -- one; two\n;SELECT 2;")).containsExactly("SELECT 1 -- one; two", "SELECT 2");
	}

	@Test
	void keepsSemicolonsInsideBlockComments() {
		assertThat(sql("SELECT /* one; two */ 1;SELECT 2;")).containsExactly("SELECT /* one; two */ 1", "SELECT 2");
	}

	@Test
	void keepsSemicolonsInsideNestedBlockComments() {
		assertThat(sql("SELECT /* outer /* inner */ still; comment */ 1;SELECT 2;"))
			.containsExactly("SELECT /* outer /* inner */ still; comment */ 1", "SELECT 2");
	}

	@Test
	void keepsSemicolonsInsideDollarQuotes() {
		String function = "CREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql";
		assertThat(sql(function + ";SELECT 2;")).containsExactly(function, "SELECT 2");
	}

	@Test
	void keepsSemicolonsInsideTaggedDollarQuotesThatHoldOtherDollarQuotes() {
		String function = """
				CREATE FUNCTION f() RETURNS VOID AS $body$
				BEGIN
					EXECUTE $$SELECT 1;$$;
					RAISE NOTICE 'done; $x$';
				END;
				$body$ LANGUAGE plpgsql""";
		assertThat(sql(function + ";\nSELECT 2;")).containsExactly(function, "SELECT 2");
	}

	@Test
	void takesDollarDigitForAParameterAndNotAQuote() {
		assertThat(sql("PREPARE p AS SELECT $1;SELECT $2;")).containsExactly("PREPARE p AS SELECT $1", "SELECT $2");
	}

	@Test
	void takesDollarInsideAWordForPartOfTheIdentifier() {
		assertThat(sql("SELECT a$b$ FROM t;SELECT 1;")).containsExactly("SELECT a$b$ FROM t", "SELECT 1");
	}

	@Test
	void keepsSqliteTriggerBodiesTogether() {
		String trigger = """
				CREATE TRIGGER touch AFTER UPDATE ON users
				BEGIN
					UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
					INSERT INTO audit VALUES (NEW.id);
				END""";
		assertThat(sql(trigger + ";\nSELECT 1;")).containsExactly(trigger, "SELECT 1");
	}

	@Test
	void keepsSqliteTriggerBodiesWithCaseExpressionsTogether() {
		String trigger = """
				create temp trigger grade after insert on scores
				begin
					update scores set grade = case when new.points > 90 then 'A' else 'B' end where id = new.id;
					select case new.points when 0 then raise(abort, 'zero; really') end;
				end""";
		assertThat(sql(trigger + ";SELECT 1;")).containsExactly(trigger, "SELECT 1");
	}

	@Test
	void keepsSqliteTemporaryTriggerBodiesTogether() {
		String trigger = "CREATE TEMPORARY TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; DELETE FROM c; END";
		assertThat(sql(trigger + ";SELECT 1;")).containsExactly(trigger, "SELECT 1");
	}

	@Test
	void splitsPostgresTriggersThatHaveNoBody() {
		assertThat(sql("CREATE TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f();SELECT 1;"))
			.containsExactly("CREATE TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f()", "SELECT 1");
	}

	@Test
	void keepsPostgresBeginAtomicBodiesTogether() {
		String function = """
				CREATE OR REPLACE FUNCTION grade(points INT) RETURNS TEXT LANGUAGE sql
				BEGIN ATOMIC
					SELECT CASE WHEN points > 90 THEN 'A' ELSE 'B' END;
					SELECT 'x';
				END""";
		assertThat(sql(function + ";\nSELECT 1;")).containsExactly(function, "SELECT 1");
	}

	@Test
	void keepsPostgresProcedureBeginAtomicBodiesTogether() {
		String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO a VALUES (1); INSERT INTO a VALUES (2); END";
		assertThat(sql(procedure + ";SELECT 1;")).containsExactly(procedure, "SELECT 1");
	}

	@Test
	void splitsTransactionBeginLikeAnyOtherStatement() {
		assertThat(sql("BEGIN;SELECT 1;END;")).containsExactly("BEGIN", "SELECT 1", "END");
	}

	@Test
	void takesTheTextAfterTheLastSemicolonForAStatement() {
		assertThat(sql("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void dropsChunksOfOnlyComments() {
		assertThat(sql("-- nothing; here\n/* nor; here */\n;SELECT 1;\n-- trailing\n")).containsExactly("SELECT 1");
	}

	@Test
	void findsNoStatementInEmptyInput() {
		assertThat(sql("")).isEmpty();
		assertThat(StatementSplitter.chunks("")).containsExactly(new Chunk("", 0, 0));
	}

	@Test
	void keepsCommentsInsideStatements() {
		assertThat(sql("-- add a column\nALTER TABLE a ADD b INT; -- done\n"))
			.containsExactly("-- add a column\nALTER TABLE a ADD b INT");
	}

	@Test
	void reportsChunksWithTheirOffsets() {
		assertThat(StatementSplitter.chunks("a;'b;c';")).containsExactly(new Chunk("a", 0, 1),
				new Chunk("'b;c'", 2, 7), new Chunk("", 8, 8));
	}

	@Test
	void keepsTheRestOfTheTextInOneChunkWhenAQuoteIsNeverClosed() {
		assertThat(StatementSplitter.chunks("SELECT 'a;b;c")).containsExactly(new Chunk("SELECT 'a;b;c", 0, 13));
	}

	@Test
	void numbersLinesFromTheFirstCharacterThatIsNotWhitespaceOrComment() {
		List<SqlStatement> statements = StatementSplitter.statements(
				"\nSELECT 1;\n\n-- comment\n/* block\n comment */\n  SELECT\n2;SELECT 3;", 10);
		assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 11),
				new SqlStatement("-- comment\n/* block\n comment */\n  SELECT\n2", 16), new SqlStatement("SELECT 3", 17));
	}

	@Test
	void countsLinesInsideQuotedText() {
		List<SqlStatement> statements = StatementSplitter.statements("SELECT 'a\n;\nb';\nSELECT 2;", 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4);
	}

	@Test
	void splitsAMegabyteQuickly() {
		String statement = "INSERT INTO t VALUES (1, 'a;b', $$c;d$$, \"e;f\") /* g; */ -- h;\n;\n";
		String text = statement.repeat(1_000_000 / statement.length());
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> StatementSplitter.statements(text, 1));
		assertThat(statements).hasSize(1_000_000 / statement.length());
		assertThat(statements.get(statements.size() - 1).line()).isEqualTo(2 * statements.size() - 1);
	}

	private static List<String> sql(String text) {
		return StatementSplitter.statements(text, 1).stream().map(SqlStatement::sql).toList();
	}

}
