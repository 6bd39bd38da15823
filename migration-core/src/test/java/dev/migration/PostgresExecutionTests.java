package dev.migration;

import java.sql.SQLException;

import dev.migration.support.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresExecutionTests extends MigrationsExecutionTests implements DatabaseKind.Postgres {

	@Test
	void tablesCanLiveInTheirOwnSchemaWhichIsCreatedOnFirstUse() {
		Migrations migrations = migrations(MigrationConfiguration.builder().schema("migrations_meta"));

		migrations.upgrade("heads");

		assertThat(this.database.queryStrings("SELECT version_num FROM migrations_meta.migration_version"))
			.containsExactly(POSTS);
		assertThat(this.database.count("SELECT COUNT(*) FROM migrations_meta.migration_history")).isEqualTo(4);
		assertThat(migrations.current()).containsExactly(POSTS);
	}

	@Test
	void theTwoTablesAreCreatedTogetherOrNotAtAll() {
		// the history table's CREATE TABLE fails, after the version table's
		this.database.execute("CREATE SCHEMA half_meta");
		this.database.execute("CREATE TABLE half_meta.other (id INTEGER)");
		this.database.execute("CREATE FUNCTION refuse_history() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF current_query() LIKE '%migration_history%' THEN RAISE EXCEPTION 'no history table here'; "
				+ "END IF; END $$");
		this.database.execute("CREATE EVENT TRIGGER refuse_history ON ddl_command_start WHEN TAG IN ('CREATE TABLE') "
				+ "EXECUTE FUNCTION refuse_history()");
		Migrations migrations = migrations(MigrationConfiguration.builder().schema("half_meta"));

		assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("no history table here")
			.withMessageNotContaining("Batch entry");

		assertThat(this.database.queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = 'half_meta'"))
			.containsExactly("other");
		assertThat(this.database.tables()).doesNotContain("users");
	}

	@Test
	void aFailureInsideABatchOfStatementsNamesTheStatementThatFailed() throws Exception {
		// the first four go to the server as one batch; the fourth repeats the third word
		// for word
		writeRevision("b4b4b4b4b4b4_duplicate.sql", """
				-- revision: b4b4b4b4b4b4
				-- down_revision: 7d2e41c0b9aa
				-- message: Duplicate key in a batch

				-- upgrade
				CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY);
				CREATE INDEX ix_audit_id ON audit (id);
				INSERT INTO audit VALUES (1);
				INSERT INTO audit VALUES (1);
				CREATE TABLE audit_more (id INTEGER);

				-- downgrade
				DROP TABLE audit_more;
				DROP TABLE audit;
				""");
		Migrations migrations = migrations();
		migrations.upgrade(POSTS);

		RevisionFailedException failure = upgradeFailsAndStaysAtPosts(migrations);
		assertThat(failure.line()).isEqualTo(9);
		// the database's own error, as for a statement run alone
		assertThat(failure.getCause()).isInstanceOf(SQLException.class);
		assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("23505");
		assertThat(failure).hasMessageContaining("line 9")
			.hasMessageContaining("duplicate key")
			.hasMessageContaining("Statement: INSERT INTO audit VALUES (1).")
			.hasMessageNotContaining("getNextException");
	}

	@Test
	void statementsThatReturnRowsRunBetweenBatchesInOrder() throws Exception {
		writeRevision("b5b5b5b5b5b5_rows.sql", """
				-- revision: b5b5b5b5b5b5
				-- down_revision: 7d2e41c0b9aa
				-- message: Queries between statements

				-- upgrade
				CREATE TABLE counters (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
				INSERT INTO counters (name) VALUES ('a');
				SELECT setval('counters_id_seq', 41);
				INSERT INTO counters (name) VALUES ('b') RETURNING id;
				INSERT INTO counters (name) VALUES ('c');
				UPDATE counters SET name = upper(name) WHERE id > 1;

				-- downgrade
				DROP TABLE counters;
				""");
		Migrations migrations = migrations();

		migrations.upgrade("heads");

		assertThat(this.database.queryStrings("SELECT id || ':' || name FROM counters ORDER BY id"))
			.containsExactly("1:a", "42:B", "43:C");
		assertThat(migrations.current()).containsExactly("b5b5b5b5b5b5");
	}

	@Test
	void aFailureAfterAQueryNamesItsOwnLine() throws Exception {
		writeRevision("b6b6b6b6b6b6_after_query.sql", """
				-- revision: b6b6b6b6b6b6
				-- down_revision: 7d2e41c0b9aa
				-- message: Fails after a query

				-- upgrade
				CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY);
				SELECT count(*) FROM posts;
				CREATE INDEX ix_audit_id ON audit (id);
				ALTER TABLE no_such_table ADD COLUMN note TEXT;
				CREATE TABLE audit_more (id INTEGER);

				-- downgrade
				DROP TABLE audit;
				""");
		Migrations migrations = migrations();
		migrations.upgrade(POSTS);

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(9))
			.withMessageContaining("no_such_table")
			.withMessageContaining("Statement: ALTER TABLE no_such_table ADD COLUMN note TEXT.");
		assertThat(this.database.schema()).noneMatch((line) -> line.contains("audit"));
	}

	@Test
	void nonTransactionalRevisionRunsOutsideATransaction() throws Exception {
		writeRevision("c1c1c1c1c1c1_concurrent_index.sql", """
				-- revision: c1c1c1c1c1c1
				-- down_revision: 7d2e41c0b9aa
				-- message: Index post titles without locking writes
				-- transactional: false

				-- upgrade
				CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);

				-- downgrade
				DROP INDEX CONCURRENTLY ix_posts_title;
				""");
		Migrations migrations = migrations();

		migrations.upgrade("heads");
		assertThat(this.database.schema()).contains("posts.index ix_posts_title");
		migrations.downgrade("-1");

		assertThat(this.database.schema()).doesNotContain("posts.index ix_posts_title");
		assertThat(migrations.current()).containsExactly(POSTS);
	}

}
