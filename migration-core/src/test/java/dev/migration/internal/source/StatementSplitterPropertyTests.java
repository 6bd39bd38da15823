package dev.migration.internal.source;

import java.util.List;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.StatementSplitter.Chunk;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterPropertyTests {

	private static final List<String> FRAGMENTS = List.of(";", ";", "'", "''", "E'", "\\", "\"", "`", "[", "]", "--",
			"/*", "*/", "$$", "$tag$", "$1", "$", "\n", "\r\n", " ", "SELECT", "x", "CREATE", "TRIGGER", "FUNCTION",
			"BEGIN", "ATOMIC", "CASE", "END", "EXPLAIN", "TEMP", "e", "-", "/", "*", "(", ")");

	/**
	 * Fragments that every database reads alike: no comment markers, quotes, dollars,
	 * brackets or bodies.
	 */
	private static final List<String> PLAIN_FRAGMENTS = List.of(";", ";", "'a;b'", "''", "\"c;d\"", "-- e;f\n",
			"/* g;h */", "\n", "\r\n", " ", "SELECT", "x", "1", "CREATE", "TABLE", "END", "*", "+");

	@Property(tries = 2000)
	void joiningTheChunksGivesTheTextBack(@ForAll("sqlLikeText") String text, @ForAll SqlSyntax syntax) {
		List<Chunk> chunks = StatementSplitter.chunks(syntax, text);
		assertThat(String.join(";", chunks.stream().map(Chunk::text).toList())).isEqualTo(text);
		for (Chunk chunk : chunks) {
			assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
		}
	}

	@Property(tries = 1000)
	void everyStatementIsTrimmedTextOfTheInputOnALineOfTheInputOrTheTextIsRefusedWithALine(
			@ForAll("sqlLikeText") String text, @ForAll SqlSyntax syntax) {
		long lineCount = Math.max(text.lines().count(), 1);
		try {
			for (SqlStatement statement : StatementSplitter.statements(syntax, "f.sql", text, 1)) {
				assertThat(statement.sql()).isNotBlank().isEqualTo(statement.sql().strip());
				assertThat(text).contains(statement.sql());
				assertThat(statement.line()).isBetween(1, (int) lineCount);
			}
		}
		catch (RevisionParseException ex) {
			assertThat(ex.line()).isBetween(1, (int) lineCount);
			assertThat(ex.getMessage()).startsWith("f.sql:" + ex.line() + ": unterminated ");
		}
	}

	@Property(tries = 1000)
	void nothingButCommentsAndWhitespaceIsEverLeftOut(@ForAll("sqlLikeText") String text, @ForAll SqlSyntax syntax) {
		// what is not in a statement is separators, whitespace and comments: removing the
		// statements leaves no code
		List<SqlStatement> statements;
		try {
			statements = StatementSplitter.statements(syntax, "f.sql", text, 1);
		}
		catch (RevisionParseException ex) {
			return;
		}
		// cut each statement's chunk out; the same characters may stand earlier in a
		// comment (/**/;*), so statements are found where they are, not by searching the
		// text
		StringBuilder rest = new StringBuilder();
		int next = 0;
		for (Chunk chunk : StatementSplitter.chunks(syntax, text)) {
			if (next < statements.size() && chunk.text().strip().equals(statements.get(next).sql())) {
				next++;
			}
			else {
				rest.append(chunk.text());
			}
			rest.append('\n');
		}
		assertThat(next).isEqualTo(statements.size());
		assertThat(StatementSplitter.hasStatements(syntax, rest.toString(), 0, rest.length())).as(rest.toString())
			.isFalse();
	}

	@Example
	void aStatementWhoseTextStandsEarlierInACommentIsCutWhereItIs() {
		for (SqlSyntax syntax : SqlSyntax.values()) {
			nothingButCommentsAndWhitespaceIsEverLeftOut("/**/;*", syntax);
			nothingButCommentsAndWhitespaceIsEverLeftOut("/*) */;)", syntax);
		}
	}

	@Property(tries = 2000)
	void theQuickEmptinessTestAgreesWithSplitting(@ForAll("sqlLikeText") String text, @ForAll SqlSyntax syntax) {
		// the parser decides reversibility with it before any section is split: a refused
		// text is not empty
		boolean found;
		try {
			found = !StatementSplitter.statements(syntax, "f.sql", text, 1).isEmpty();
		}
		catch (RevisionParseException ex) {
			found = true;
		}
		assertThat(StatementSplitter.hasStatements(syntax, text, 0, text.length())).isEqualTo(found);
		if (found) {
			assertThat(StatementSplitter.hasStatements(text, 0, text.length())).isTrue();
		}
	}

	@Property(tries = 1000)
	void bothDatabasesSplitPlainSqlAlike(@ForAll("plainText") String text) {
		assertThat(StatementSplitter.statements(SqlSyntax.SQLITE, "f.sql", text, 1))
			.isEqualTo(StatementSplitter.statements(SqlSyntax.POSTGRESQL, "f.sql", text, 1));
	}

	@Provide
	Arbitrary<String> sqlLikeText() {
		return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map((fragments) -> String.join("", fragments));
	}

	@Provide
	Arbitrary<String> plainText() {
		return Arbitraries.of(PLAIN_FRAGMENTS).list().ofMaxSize(40).map((fragments) -> String.join("", fragments));
	}

}
