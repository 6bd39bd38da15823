package dev.migration.internal.execute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ScriptText} changes in a statement's text, and what it leaves alone. That psql and sqlite3 then run
 * the statements as the online command does is checked with the real programs in {@code OfflineScriptTests}.
 */
class ScriptTextTests {

	@Test
	void aSemicolonAfterALineCommentGoesOnItsOwnLine() {
		assertThat(ScriptText.terminated("CREATE TABLE t (a INT) -- note", "postgresql"))
			.isEqualTo("CREATE TABLE t (a INT) -- note\n;");
		assertThat(ScriptText.terminated("CREATE TABLE t (\n  a INT -- note\n)", "sqlite"))
			.isEqualTo("CREATE TABLE t (\n  a INT -- note\n);");
		assertThat(ScriptText.terminated("SELECT 1 /* block */  \n", "sqlite")).isEqualTo("SELECT 1 /* block */;");
	}

	@Test
	void psqlVariablesOutsideQuotesAndCommentsGetASpace() {
		assertThat(ScriptText.terminated("SELECT tags[1:PORT], tags[1:2], a::int, f(x := 1), b[:'v'] FROM t",
				"postgresql"))
			.isEqualTo("SELECT tags[1: PORT], tags[1: 2], a::int, f(x := 1), b[: 'v'] FROM t;");
	}

	@Test
	void psqlVariablesInsideQuotesCommentsAndDollarQuotesStay() {
		String statement = "SELECT ':PORT', E'it\\'s :PORT', \"a:PORT\", $$ :PORT $$, $tag$ :PORT $tag$ /* /* */ :PORT */"
				+ " FROM t -- :PORT";
		assertThat(ScriptText.terminated(statement, "postgresql")).isEqualTo(statement + "\n;");
		assertThat(ScriptText.terminated("SELECT tags[1:PORT]", "sqlite")).isEqualTo("SELECT tags[1:PORT];");
	}

	@Test
	void sqliteShellTerminatorLinesGetAnEmptyCommentInFront() {
		assertThat(ScriptText.terminated("SELECT 10\n/\n4", "sqlite")).isEqualTo("SELECT 10\n/**//\n4;");
		assertThat(ScriptText.terminated("SELECT a AS\r\n  GO  \r\nFROM t", "sqlite"))
			.isEqualTo("SELECT a AS\r\n/**/  GO  \r\nFROM t;");
		assertThat(ScriptText.terminated("SELECT 1\ngo -- comment\n", "sqlite")).isEqualTo("SELECT 1\n/**/go -- comment\n;");
	}

	@Test
	void sqliteLinesInsideQuotesAndCommentsStay() {
		String statement = "INSERT INTO t VALUES ('a\ngo\n/\n', \"b\ngo\") /* c\ngo\n*/\n-- go\ngone\n/**/";
		assertThat(ScriptText.terminated(statement, "sqlite")).isEqualTo(statement + ";");
		assertThat(ScriptText.terminated("SELECT 1\ngo", "postgresql")).isEqualTo("SELECT 1\ngo;");
	}

	@Test
	void clientCommandsAreFound() {
		assertThat(ScriptText.clientCommand("SELECT 1\n\\! rm -rf /tmp/x", "postgresql")).contains("backslash");
		assertThat(ScriptText.clientCommand("-- note\n.system rm -rf /tmp/x\nSELECT 1", "sqlite")).contains("'.'");
		assertThat(ScriptText.clientCommand("/* note */\n#skipped\nSELECT 1", "sqlite")).contains("'#'");
	}

	@Test
	void backslashesAndDotsThatTheClientsReadAsTextAreNoCommands() {
		assertThat(ScriptText.clientCommand("SELECT '\\d', E'\\'', $$\\x$$, \"\\\" /* \\q */ -- \\q", "postgresql"))
			.isNull();
		assertThat(ScriptText.clientCommand("SELECT 1\n.5", "sqlite")).isNull();
		assertThat(ScriptText.clientCommand("SELECT 1 -- x\n\\q", "sqlite")).isNull();
	}

	@Test
	void commentTextIsOneLine() {
		assertThat(ScriptText.commentText("a\nb\rc\u2028d\te */ /* --")).isEqualTo("a b c d e */ /* --");
	}

}
