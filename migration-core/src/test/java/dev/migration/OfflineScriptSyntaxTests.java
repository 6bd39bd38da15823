package dev.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The offline script and the statement texts a revision shows are split as the named
 * database reads SQL; the SQLite script is run by the real {@code sqlite3} shell.
 */
class OfflineScriptSyntaxTests {

	@TempDir
	Path directory;

	Path revisions;

	@BeforeEach
	void writeRevision() throws IOException {
		this.revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(this.revisions.resolve("a1_imports.sql"), """
				-- revision: a1
				-- down_revision: none
				-- message: Imports

				-- upgrade
				/* loads data/*.csv later */
				CREATE TABLE y (id INTEGER);
				INSERT INTO y VALUES (1);
				""");
	}

	private Migrations offline(String dialect) {
		return Migrations.create(
				MigrationConfiguration.builder().locations("filesystem:" + this.revisions).dialect(dialect).build());
	}

	@Test
	void aSqliteScriptKeepsTheStatementsAfterACommentThatMentionsAGlobAndSqlite3RunsThem() throws Exception {
		Migrations migrations = offline("sqlite");
		String script = migrations.script(migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false),
				"dba");
		SqliteDatabase database = SqliteDatabase.in(this.directory);

		runSqlite3(database, script);

		assertThat(database.queryStrings("SELECT id FROM y")).containsExactly("1");
		assertThat(database.queryStrings("SELECT version_num FROM migration_version")).containsExactly("a1");
		assertThat(migrations.revisions().get(0).upgradeSql())
			.containsExactly("/* loads data/*.csv later */\nCREATE TABLE y (id INTEGER)", "INSERT INTO y VALUES (1)");
	}

	@Test
	void aPostgresScriptRefusesTheCommentThatNestsAndNeverCloses() {
		Migrations migrations = offline("postgresql");
		Plan plan = migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false);

		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> migrations.script(plan, "dba"))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(6))
			.withMessageContaining("a1_imports.sql:6: unterminated block comment");
	}

	private static void runSqlite3(SqliteDatabase database, String script) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("sqlite3", "-bail", database.file().toString()).redirectErrorStream(true)
			.start();
		process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
