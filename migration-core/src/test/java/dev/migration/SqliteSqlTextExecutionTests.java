package dev.migration;

import java.io.IOException;

import dev.migration.support.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqliteSqlTextExecutionTests extends SqlTextExecutionTests implements DatabaseKind.Sqlite {

	@Test
	void aCommentThatMentionsAGlobEndsAtItsFirstClosingMarkAsInSqlite() throws IOException {
		writeGlobCommentRevision();

		migrations().upgrade("heads");

		assertThat(this.database.queryStrings("SELECT id FROM y")).containsExactly("1");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly("a1");
	}

	@Test
	void anUnclosedCommentIsRefusedInsteadOfEndingTheSection() throws IOException {
		writeRevision("a1", "none", """
				CREATE TABLE x (id INTEGER);
				/* the rest is not run
				CREATE TABLE y (id INTEGER);
				""");

		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> migrations().upgrade("heads"))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(7))
			.withMessageContaining("a1_revision.sql:7: unterminated block comment");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aTriggerWhoseBodyNamesAColumnEndRunsWhole() throws IOException {
		writeRevision("a1", "none", """
				CREATE TABLE ranges (id INTEGER PRIMARY KEY, begin INTEGER, end INTEGER);
				CREATE TRIGGER grow AFTER INSERT ON ranges BEGIN
					UPDATE ranges SET end = NEW.end + 1 WHERE id = NEW.id;
					UPDATE ranges SET begin = CASE WHEN NEW.begin IS NULL THEN 0 ELSE NEW.begin END WHERE id = NEW.id;
				END;
				INSERT INTO ranges VALUES (1, NULL, 5);
				""");

		migrations().upgrade("heads");

		assertThat(this.database.queryStrings("SELECT begin || ',' || end FROM ranges")).containsExactly("0,6");
	}

}
