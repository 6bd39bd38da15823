package dev.migration;

import java.io.IOException;

import dev.migration.support.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresSqlTextExecutionTests extends SqlTextExecutionTests implements DatabaseKind.Postgres {

	@Test
	void aCommentThatMentionsAGlobNestsAsInPostgresAndIsRefusedUnclosed() throws IOException {
		writeGlobCommentRevision();

		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> migrations().upgrade("heads"))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(6))
			.withMessageContaining("a1_revision.sql:6: unterminated block comment")
			.withMessageContaining("comments nest");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void arraySubscriptsAndRuleActionsInParenthesesStayInTheirStatement() throws IOException {
		writeRevision("a1", "none", """
				CREATE TABLE tags (id INTEGER, labels TEXT[]);
				CREATE TABLE log (note TEXT);
				CREATE RULE log_tags AS ON INSERT TO tags DO ALSO (
					INSERT INTO log VALUES ('one; ' || NEW.id);
					INSERT INTO log VALUES ('two')
				);
				INSERT INTO tags VALUES (1, ARRAY['a;b]', 'c']);
				INSERT INTO log SELECT labels[1] FROM tags;
				""");

		migrations().upgrade("heads");

		assertThat(this.database.queryStrings("SELECT note FROM log ORDER BY note")).containsExactly("a;b]", "one; 1",
				"two");
	}

}
