package dev.migration.internal.execute;

import java.util.stream.Stream;

import dev.migration.internal.source.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.source.SqlSyntax.POSTGRESQL;
import static dev.migration.internal.source.SqlSyntax.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * What {@link ScriptText} changes in a statement's text, and what it leaves alone. That
 * psql and sqlite3 then run the statements as the online command does is checked with the
 * real programs in {@code OfflineScriptTests}.
 */
class ScriptTextTests {

	private static final String PSQL_VARIABLES_IN_QUOTES = "SELECT ':PORT', E'it\\'s :PORT', \"a:PORT\", $$ :PORT $$, "
			+ "$tag$ :PORT $tag$ /* /* */ :PORT */ FROM t -- :PORT";

	private static final String SQLITE_TERMINATORS_IN_QUOTES = "INSERT INTO t VALUES ('a\ngo\n/\n', \"b\ngo\") "
			+ "/* c\ngo\n*/\n-- go\ngone\n/**/";

	/** A statement, its database, then the statement as the script writes it. */
	static Stream<Arguments> terminations() {
		return Stream.of(
				argumentSet("aSemicolonAfterALineCommentGoesOnItsOwnLine", "CREATE TABLE t (a INT) -- note", POSTGRESQL,
						"CREATE TABLE t (a INT) -- note\n;"),
				argumentSet("aSemicolonAfterALineCommentInsideParenthesesStaysOnTheLine",
						"CREATE TABLE t (\n  a INT -- note\n)", SQLITE, "CREATE TABLE t (\n  a INT -- note\n);"),
				argumentSet("aSemicolonAfterABlockCommentStaysOnTheLine", "SELECT 1 /* block */  \n", SQLITE,
						"SELECT 1 /* block */;"),
				argumentSet("psqlVariablesOutsideQuotesAndCommentsGetASpace",
						"SELECT tags[1:PORT], tags[1:2], a::int, f(x := 1), b[:'v'] FROM t", POSTGRESQL,
						"SELECT tags[1: PORT], tags[1: 2], a::int, f(x := 1), b[: 'v'] FROM t;"),
				argumentSet("psqlVariablesInsideQuotesCommentsAndDollarQuotesStay", PSQL_VARIABLES_IN_QUOTES,
						POSTGRESQL, PSQL_VARIABLES_IN_QUOTES + "\n;"),
				argumentSet("psqlVariablesStayOnSqlite", "SELECT tags[1:PORT]", SQLITE, "SELECT tags[1:PORT];"),
				argumentSet("sqliteShellTerminatorLinesGetAnEmptyCommentInFront", "SELECT 10\n/\n4", SQLITE,
						"SELECT 10\n/**//\n4;"),
				argumentSet("sqliteGoLinesGetAnEmptyCommentInFront", "SELECT a AS\r\n  GO  \r\nFROM t", SQLITE,
						"SELECT a AS\r\n/**/  GO  \r\nFROM t;"),
				argumentSet("sqliteGoLinesWithACommentGetAnEmptyCommentInFront", "SELECT 1\ngo -- comment\n", SQLITE,
						"SELECT 1\n/**/go -- comment\n;"),
				argumentSet("sqliteLinesInsideQuotesAndCommentsStay", SQLITE_TERMINATORS_IN_QUOTES, SQLITE,
						SQLITE_TERMINATORS_IN_QUOTES + ";"),
				argumentSet("sqliteGoLinesStayOnPostgres", "SELECT 1\ngo", POSTGRESQL, "SELECT 1\ngo;"));
	}

	/**
	 * A statement, its database, then a word of the refusal, or {@code null} where there
	 * is no client command.
	 */
	static Stream<Arguments> clientCommands() {
		return Stream.of(
				argumentSet("psqlBackslashCommandsAreFound", "SELECT 1\n\\! rm -rf /tmp/x", POSTGRESQL, "backslash"),
				argumentSet("sqliteDotCommandsAreFound", "-- note\n.system rm -rf /tmp/x\nSELECT 1", SQLITE, "'.'"),
				argumentSet("sqliteHashLinesAreFound", "/* note */\n#skipped\nSELECT 1", SQLITE, "'#'"),
				argumentSet("backslashesThatPsqlReadsAsTextAreNoCommands",
						"SELECT '\\d', E'\\'', $$\\x$$, \"\\\" /* \\q */ -- \\q", POSTGRESQL, null),
				argumentSet("dotsThatSqliteReadsAsTextAreNoCommands", "SELECT 1\n.5", SQLITE, null),
				argumentSet("backslashesAreNoCommandsOnSqlite", "SELECT 1 -- x\n\\q", SQLITE, null));
	}

	@ParameterizedTest
	@MethodSource("terminations")
	void terminated(String statement, SqlSyntax syntax, String written) {
		assertThat(ScriptText.terminated(statement, syntax)).isEqualTo(written);
	}

	@ParameterizedTest
	@MethodSource("clientCommands")
	void clientCommand(String statement, SqlSyntax syntax, String refusal) {
		if (refusal == null) {
			assertThat(ScriptText.clientCommand(statement, syntax)).isNull();
		}
		else {
			assertThat(ScriptText.clientCommand(statement, syntax)).contains(refusal);
		}
	}

	@Test
	void commentTextIsOneLine() {
		assertThat(ScriptText.commentText("a\nb\rc\u2028d\te */ /* --")).isEqualTo("a b c d e */ /* --");
	}

}
