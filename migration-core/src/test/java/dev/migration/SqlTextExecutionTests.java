package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migration.support.DatabaseTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Revision files whose text each database reads its own way, and malformed files in a
 * plan, against a real database. Each subclass names the database.
 */
abstract class SqlTextExecutionTests extends DatabaseTests {

	SqlTextExecutionTests() {
		super(false);
	}

	/**
	 * Writes revision {@code id} after {@code down} whose upgrade is the given SQL,
	 * starting on line 6.
	 */
	void writeRevision(String id, String down, String upgrade) throws IOException {
		Files.writeString(this.revisions.resolve(id + "_revision.sql"), "-- revision: " + id + "\n-- down_revision: "
				+ down + "\n-- message: Revision " + id + "\n\n-- upgrade\n" + upgrade);
	}

	/**
	 * Revision a1 with a block comment that mentions a glob: PostgreSQL nests the
	 * {@code /*} inside it, SQLite ends the comment at the first closing mark.
	 */
	void writeGlobCommentRevision() throws IOException {
		writeRevision("a1", "none", """
				/* loads data/*.csv later */
				CREATE TABLE y (id INTEGER);
				INSERT INTO y VALUES (1);
				""");
	}

	void writeChainWithBrokenThird() throws IOException {
		writeRevision("a1", "none", "CREATE TABLE first_table (id INTEGER);\n");
		writeRevision("b2", "a1", "CREATE TABLE second_table (id INTEGER);\nINSERT INTO second_table VALUES (2);\n");
		writeRevision("c3", "b2", """
				CREATE TABLE third_table (id INTEGER, note TEXT);
				INSERT INTO third_table VALUES (3, 'it''s fine');
				INSERT INTO third_table VALUES (4, 'never closed);
				CREATE TABLE fourth_table (id INTEGER);
				""");
	}

	@Test
	void aPlanWhoseThirdRevisionHasAnUnterminatedStringAppliesNothingAtAll() throws IOException {
		writeChainWithBrokenThird();
		Migrations migrations = migrations();

		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.satisfies((failure) -> {
				assertThat(failure.location()).endsWith("c3_revision.sql");
				assertThat(failure.line()).isEqualTo(8);
			})
			.withMessageContaining("c3_revision.sql:8: unterminated string literal")
			.withMessageContaining("Nothing was applied");
		assertThat(this.database.tables()).isEmpty();
		assertThat(tableExists("migration_version")).isFalse();
		assertThat(tableExists("migration_history")).isFalse();
	}

	@Test
	void aMalformedPendingRevisionLeavesTheVersionAndHistoryTablesAsTheyWere() throws IOException {
		writeChainWithBrokenThird();
		Files.delete(this.revisions.resolve("c3_revision.sql"));
		migrations().upgrade("heads");
		writeChainWithBrokenThird();
		writeRevision("d4", "c3", "CREATE TABLE after_broken (id INTEGER);\n");
		Migrations migrations = migrations();
		migrations.upgrade("a1");
		long historyRows = this.database.count("SELECT COUNT(*) FROM migration_history");

		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("c3_revision.sql:8: unterminated string literal");
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly("b2");
		assertThat(this.database.count("SELECT COUNT(*) FROM migration_history")).isEqualTo(historyRows);
		assertThat(this.database.tables()).containsExactly("first_table", "second_table");
	}

	@Test
	void statementsAfterTheLastSemicolonRunAndATrailingCommentIsFine() throws IOException {
		writeRevision("a1", "none", """
				CREATE TABLE kept (id INTEGER);
				INSERT INTO kept VALUES (1)
				-- downgrade
				DROP TABLE kept
				-- a trailing comment after the last statement
				""");
		Migrations migrations = migrations();

		migrations.upgrade("heads");
		assertThat(this.database.queryStrings("SELECT id FROM kept")).containsExactly("1");
		migrations.downgrade("base");

		assertThat(this.database.tables()).isEmpty();
	}

	boolean tableExists(String name) {
		try (Connection connection = this.database.connect();
				ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
			return tables.next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
