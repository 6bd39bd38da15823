package dev.migration.internal.source;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.StatementSplitter.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterPropertyTests {

	private static final List<String> FRAGMENTS = List.of(";", ";", "'", "''", "E'", "\\", "\"", "`", "[", "]", "--",
			"/*", "*/", "$$", "$tag$", "$1", "$", "\n", "\r\n", " ", "SELECT", "x", "CREATE", "TRIGGER", "FUNCTION",
			"BEGIN", "ATOMIC", "CASE", "END", "e", "-", "/", "*");

	@Property(tries = 2000)
	void joiningTheChunksGivesTheTextBack(@ForAll("sqlLikeText") String text) {
		List<Chunk> chunks = StatementSplitter.chunks(text);
		assertThat(String.join(";", chunks.stream().map(Chunk::text).toList())).isEqualTo(text);
		for (Chunk chunk : chunks) {
			assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
		}
	}

	@Property(tries = 500)
	void everyStatementIsTrimmedTextOfTheInputOnALineOfTheInput(@ForAll("sqlLikeText") String text) {
		long lineCount = text.lines().count();
		for (SqlStatement statement : StatementSplitter.statements(text, 1)) {
			assertThat(statement.sql()).isNotBlank().isEqualTo(statement.sql().strip());
			assertThat(text).contains(statement.sql());
			assertThat(statement.line()).isBetween(1, (int) Math.max(lineCount, 1));
		}
	}

	@Property(tries = 2000)
	void theQuickEmptinessTestAgreesWithSplitting(@ForAll("sqlLikeText") String text) {
		// the parser decides reversibility with it before any section is split
		assertThat(StatementSplitter.hasStatements(text, 0, text.length()))
			.isEqualTo(!StatementSplitter.statements(text, 1).isEmpty());
	}

	@Provide
	Arbitrary<String> sqlLikeText() {
		return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map((fragments) -> String.join("", fragments));
	}

}
