package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random revision files, from well formed to garbage: the parser either returns a
 * revision or throws a {@link RevisionParseException} naming the file and a line of it,
 * never anything else. The splitter's own properties are in
 * {@link StatementSplitterPropertyTests}.
 */
class SqlRevisionParserPropertyTests {

	private static final String LOCATION = "db/revisions/random.sql";

	/**
	 * Whole lines, most of them close to what a real header or body holds, some of them
	 * broken.
	 */
	private static final List<String> LINES = List.of("-- revision: 3f1c2a9b7d10", "-- revision: a1", "-- revision:",
			"-- revision: not valid!", "-- revision: " + "x".repeat(33), "-- down_revision: none",
			"-- down_revision: a1, b2", "-- down_revision: a1,,", "-- down_revision:", "-- down_revision: none, a1",
			"-- down_revision: a1, a1", "-- message: Add things; really", "-- message:", "-- created: 2026-11-24",
			"-- branch_labels: auth, billing", "-- branch_labels: a b", "-- depends_on: b2", "-- depends_on: b2,b2",
			"-- transactional: false", "-- transactional: maybe", "-- TRANSACTIONAL: TRUE", "-- colour: blue",
			"-- Revision: a1", "--revision:a1", "-- just a comment", "--", "-- upgrade", "-- downgrade",
			"  --   UPGRADE  ", "-- upgrade now", "-- downgrade:", "", "   ", "\t", "SELECT 1;",
			"CREATE TABLE t (id INTEGER);", "INSERT INTO t VALUES ('a;b');", "'unterminated", "\"quoted", "$$ dollar",
			"/* open comment", "*/", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN", "END;", "SELECT 'x' -- ; comment",
			"\uFEFF-- revision: bom", ";", ";;", "é ü 漢字 🙂");

	private static final List<String> LINE_BREAKS = List.of("\n", "\n", "\n", "\r\n", "\r");

	@Property(tries = 3000)
	void anyFileGivesARevisionOrAParseErrorWithALineOfTheFile(@ForAll("randomFiles") String content) {
		int lines = lineCount(content);
		try {
			Revision revision = SqlRevisionParser.parse(LOCATION, content);
			assertThat(revision.id()).matches("[A-Za-z0-9_]{1,32}");
			assertThat(revision.location()).isEqualTo(LOCATION);
			assertThat(revision.checksum()).hasSize(64);
			assertStatementLinesInFile(revision.upgrade(), lines);
			if (revision.downgrade() != null) {
				assertStatementLinesInFile(revision.downgrade(), lines);
			}
		}
		catch (RevisionParseException ex) {
			assertThat(ex.location()).isEqualTo(LOCATION);
			assertThat(ex.line()).as(ex.getMessage()).isBetween(1, lines);
			assertThat(ex.getMessage()).startsWith(LOCATION + ":" + ex.line() + ": ");
		}
	}

	@Property(tries = 1000)
	void anyTextAtAllGivesARevisionOrAParseError(@ForAll("anyText") String content) {
		try {
			SqlRevisionParser.parse(LOCATION, content);
		}
		catch (RevisionParseException ex) {
			assertThat(ex.line()).as(ex.getMessage()).isBetween(1, lineCount(content));
		}
	}

	@Property(tries = 500)
	void aWellFormedFileKeepsItsHeaderAndEveryStatementWithItsLine(@ForAll("wellFormedFiles") WellFormed file) {
		Revision revision = SqlRevisionParser.parse(LOCATION, file.content());

		assertThat(revision.id()).isEqualTo(file.id());
		assertThat(revision.downRevisions()).isEqualTo(file.downRevisions());
		assertThat(sql(revision.upgrade())).isEqualTo(file.upgrade());
		if (file.downgrade().isEmpty()) {
			assertThat(revision.reversible()).isEqualTo(file.upgrade().isEmpty());
		}
		else {
			assertThat(sql(revision.downgrade())).isEqualTo(file.downgrade());
		}
		String[] lines = file.content().split("\n", -1);
		for (SqlStatement statement : ((SqlBody) revision.upgrade()).statements(SqlSyntax.POSTGRESQL)) {
			assertThat(lines[statement.line() - 1]).isEqualTo(statement.sql() + ";");
		}
	}

	@Provide
	Arbitrary<String> randomFiles() {
		Arbitrary<String> line = Arbitraries.of(LINES);
		Arbitrary<String> lineBreak = Arbitraries.of(LINE_BREAKS);
		return Combinators.combine(line.list().ofMaxSize(25), lineBreak.list().ofSize(25), Arbitraries.of(true, false))
			.as((chosen, breaks, trailingBreak) -> {
				StringBuilder content = new StringBuilder();
				for (int i = 0; i < chosen.size(); i++) {
					content.append(chosen.get(i));
					if (i < chosen.size() - 1 || trailingBreak) {
						content.append(breaks.get(i));
					}
				}
				return content.toString();
			});
	}

	@Provide
	Arbitrary<String> anyText() {
		return Arbitraries.strings().all().ofMaxLength(200);
	}

	@Provide
	Arbitrary<WellFormed> wellFormedFiles() {
		Arbitrary<String> id = Arbitraries.strings()
			.withCharRange('a', 'z')
			.numeric()
			.withChars('_')
			.ofMinLength(1)
			.ofMaxLength(32);
		Arbitrary<List<String>> downRevisions = id.list().ofMaxSize(3).uniqueElements();
		Arbitrary<String> statement = Arbitraries.of("CREATE TABLE t (id INTEGER)", "SELECT 'a;b'",
				"INSERT INTO t VALUES (1)", "DROP TABLE t", "UPDATE t SET \"x;y\" = 2");
		return Combinators.combine(id, downRevisions, statement.list().ofMaxSize(6), statement.list().ofMaxSize(6))
			.filter((revision, downs, upgrade, downgrade) -> !downs.contains(revision))
			.as(WellFormed::new);
	}

	private static List<String> sql(Object body) {
		List<String> sql = ((SqlBody) body).statements(SqlSyntax.POSTGRESQL).stream().map(SqlStatement::sql).toList();
		assertThat(((SqlBody) body).statements(SqlSyntax.SQLITE).stream().map(SqlStatement::sql).toList())
			.isEqualTo(sql);
		return sql;
	}

	/**
	 * Split as either database reads it, a body gives statements on lines of the file, or
	 * an error naming one.
	 */
	private static void assertStatementLinesInFile(Object body, int lines) {
		for (SqlSyntax syntax : SqlSyntax.values()) {
			try {
				for (SqlStatement statement : ((SqlBody) body).statements(syntax)) {
					assertThat(statement.line()).isBetween(1, lines);
				}
			}
			catch (RevisionParseException ex) {
				assertThat(ex.location()).isEqualTo(LOCATION);
				assertThat(ex.line()).as(ex.getMessage()).isBetween(1, lines);
				assertThat(ex.getMessage()).startsWith(LOCATION + ":" + ex.line() + ": unterminated ");
			}
		}
	}

	/**
	 * Lines as an editor counts them: CR LF, CR and LF each end one; a final break opens
	 * no new line.
	 */
	private static int lineCount(String content) {
		String text = content.replace("\r\n", "\n").replace('\r', '\n');
		int breaks = (int) text.chars().filter((c) -> c == '\n').count();
		return Math.max(1, text.endsWith("\n") ? breaks : breaks + 1);
	}

	record WellFormed(String id, List<String> downRevisions, List<String> upgrade, List<String> downgrade) {

		String content() {
			List<String> lines = new ArrayList<>();
			lines.add("-- revision: " + this.id);
			lines.add("-- down_revision: "
					+ (this.downRevisions.isEmpty() ? "none" : String.join(", ", this.downRevisions)));
			lines.add("-- message: random");
			lines.add("");
			lines.add("-- upgrade");
			this.upgrade.forEach((statement) -> lines.add(statement + ";"));
			lines.add("");
			lines.add("-- downgrade");
			this.downgrade.forEach((statement) -> lines.add(statement + ";"));
			return String.join("\n", lines) + "\n";
		}

	}

}
