package dev.migration.internal.execute;

import java.util.List;

import dev.migration.internal.revision.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementRunnerTests {

	@Test
	void statementsThatCannotReturnRowsMayBeBatched() {
		assertThat(StatementRunner.returnsNoRows("CREATE TABLE t (id INTEGER)")).isTrue();
		assertThat(StatementRunner.returnsNoRows("-- the index\n/* and a note */ create index ix on t (id)")).isTrue();
		assertThat(StatementRunner.returnsNoRows("ALTER TABLE t ADD COLUMN note TEXT")).isTrue();
		assertThat(StatementRunner.returnsNoRows("INSERT INTO t VALUES (1)")).isTrue();
		assertThat(StatementRunner.returnsNoRows("DO $$ BEGIN PERFORM 1; END $$")).isTrue();
		// a query inside a function body is the function's, not the statement's
		assertThat(StatementRunner.returnsNoRows("CREATE FUNCTION f() RETURNS INTEGER AS $$ SELECT 1 $$ LANGUAGE sql"))
			.isTrue();
	}

	@Test
	void statementsThatMayReturnRowsRunAlone() {
		assertThat(StatementRunner.returnsNoRows("SELECT setval('t_id_seq', 10)")).isFalse();
		assertThat(StatementRunner
			.returnsNoRows("WITH moved AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM moved")).isFalse();
		assertThat(StatementRunner.returnsNoRows("INSERT INTO t VALUES (1) returning id")).isFalse();
		assertThat(StatementRunner.returnsNoRows("UPDATE t SET id = 2\nRETURNING id")).isFalse();
		assertThat(StatementRunner.returnsNoRows("DELETE FROM t WHERE id = 1 RETURNING(id)")).isFalse();
		assertThat(StatementRunner.returnsNoRows("CALL refresh_totals()")).isFalse();
		assertThat(StatementRunner.returnsNoRows("VALUES (1)")).isFalse();
		assertThat(StatementRunner.returnsNoRows("SHOW search_path")).isFalse();
		assertThat(StatementRunner.returnsNoRows("-- nothing but a comment")).isFalse();
	}

	@Test
	void aBatchFailureIsTracedToTheEntryTheDriverNames() {
		List<SqlStatement> batch = List.of(new SqlStatement("INSERT INTO t VALUES (1)", 7),
				new SqlStatement("INSERT INTO t VALUES (1)", 8), new SqlStatement("DROP TABLE u", 9));

		assertThat(StatementRunner.failedStatement(batch,
				"Batch entry 1 INSERT INTO t VALUES (1) was aborted: "
						+ "ERROR: duplicate key value  Call getNextException to see other errors in the batch."))
			.isEqualTo(batch.get(1));
	}

	@Test
	void aMessageInAnotherLanguageIsTracedByTheStatementItQuotes() {
		List<SqlStatement> batch = List.of(new SqlStatement("DROP TABLE a", 3), new SqlStatement("DROP TABLE ab", 4),
				new SqlStatement("DROP TABLE c", 5));

		// the longest quoted text: "DROP TABLE a" is part of "DROP TABLE ab"
		assertThat(StatementRunner.failedStatement(batch, "Stapeleintrag 1 DROP TABLE ab wurde abgebrochen"))
			.isEqualTo(batch.get(1));
		assertThat(StatementRunner.failedStatement(batch, "Stapeleintrag 0 DROP TABLE a wurde abgebrochen"))
			.isEqualTo(batch.get(0));
		assertThat(StatementRunner.failedStatement(batch, "connection lost")).isNull();
		assertThat(StatementRunner.failedStatement(batch, null)).isNull();
	}

}
