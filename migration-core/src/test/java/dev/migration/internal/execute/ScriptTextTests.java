package dev.migration.internal.execute;

import dev.migration.internal.source.SqlSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ScriptText} changes in a statement's text, and what it leaves alone. That
 * psql and sqlite3 then run the statements as the online command does is checked with the
 * real programs in {@code OfflineScriptTests}.
 */
class ScriptTextTests {

	@Test
	void aSemicolonAfterALineCommentGoesOnItsOwnLine() {
		assertThat(ScriptText.terminated("CREATE TABLE t (a INT) -- note", SqlSyntax.POSTGRESQL))
			.isEqualTo("CREATE TABLE t (a INT) -- note\n;");
		assertThat(ScriptText.terminated("CREATE TABLE t (\n  a INT -- note\n)", SqlSyntax.SQLITE))
			.isEqualTo("CREATE TABLE t (\n  a INT -- note\n);");
		assertThat(ScriptText.terminated("SELECT 1 /* block */  \n", SqlSyntax.SQLITE))
			.isEqualTo("SELECT 1 /* block */;");
	}

	@Test
	void psqlVariablesOutsideQuotesAndCommentsGetASpace() {
		assertThat(ScriptText.terminated("SELECT tags[1:PORT], tags[1:2], a::int, f(x := 1), b[:'v'] FROM t",
				SqlSyntax.POSTGRESQL))
			.isEqualTo("SELECT tags[1: PORT], tags[1: 2], a::int, f(x := 1), b[: 'v'] FROM t;");
	}

	@Test
	void psqlVariablesInsideQuotesCommentsAndDollarQuotesStay() {
		String statement = "SELECT ':PORT', E'it\\'s :PORT', \"a:PORT\", $$ :PORT $$, $tag$ :PORT $tag$ /* /* */ "
				+ ":PORT */" + " FROM t -- :PORT";
		assertThat(ScriptText.terminated(statement, SqlSyntax.POSTGRESQL)).isEqualTo(statement + "\n;");
		assertThat(ScriptText.terminated("SELECT tags[1:PORT]", SqlSyntax.SQLITE)).isEqualTo("SELECT tags[1:PORT];");
	}

	@Test
	void sqliteShellTerminatorLinesGetAnEmptyCommentInFront() {
		assertThat(ScriptText.terminated("SELECT 10\n/\n4", SqlSyntax.SQLITE)).isEqualTo("SELECT 10\n/**//\n4;");
		assertThat(ScriptText.terminated("SELECT a AS\r\n  GO  \r\nFROM t", SqlSyntax.SQLITE))
			.isEqualTo("SELECT a AS\r\n/**/  GO  \r\nFROM t;");
		assertThat(ScriptText.terminated("SELECT 1\ngo -- comment\n", SqlSyntax.SQLITE))
			.isEqualTo("SELECT 1\n/**/go -- comment\n;");
	}

	@Test
	void sqliteLinesInsideQuotesAndCommentsStay() {
		String statement = "INSERT INTO t VALUES ('a\ngo\n/\n', \"b\ngo\") /* c\ngo\n*/\n-- go\ngone\n/**/";
		assertThat(ScriptText.terminated(statement, SqlSyntax.SQLITE)).isEqualTo(statement + ";");
		assertThat(ScriptText.terminated("SELECT 1\ngo", SqlSyntax.POSTGRESQL)).isEqualTo("SELECT 1\ngo;");
	}

	@Test
	void clientCommandsAreFound() {
		assertThat(ScriptText.clientCommand("SELECT 1\n\\! rm -rf /tmp/x", SqlSyntax.POSTGRESQL)).contains("backslash");
		assertThat(ScriptText.clientCommand("-- note\n.system rm -rf /tmp/x\nSELECT 1", SqlSyntax.SQLITE))
			.contains("'.'");
		assertThat(ScriptText.clientCommand("/* note */\n#skipped\nSELECT 1", SqlSyntax.SQLITE)).contains("'#'");
	}

	@Test
	void backslashesAndDotsThatTheClientsReadAsTextAreNoCommands() {
		assertThat(ScriptText.clientCommand("SELECT '\\d', E'\\'', $$\\x$$, \"\\\" /* \\q */ -- \\q",
				SqlSyntax.POSTGRESQL))
			.isNull();
		assertThat(ScriptText.clientCommand("SELECT 1\n.5", SqlSyntax.SQLITE)).isNull();
		assertThat(ScriptText.clientCommand("SELECT 1 -- x\n\\q", SqlSyntax.SQLITE)).isNull();
	}

	@Test
	void commentTextIsOneLine() {
		assertThat(ScriptText.commentText("a\nb\rc\u2028d\te */ /* --")).isEqualTo("a b c d e */ /* --");
	}

}
