package dev.migration.sample;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.migration.test.MigrationChecks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's revisions under the test kit, without Spring, as any project writes it:
 * one test per check in the report (single head, upgrade to heads, matches target schema,
 * up-down consistency, downgrade leaves nothing). {@code AbstractSampleApplicationTests}
 * runs the same checks with the application's configuration on PostgreSQL.
 */
class SampleRevisionChecksTests {

	@TempDir
	Path directory;

	@TestFactory
	Stream<DynamicTest> sqliteRevisions() {
		return MigrationChecks.forUrl("jdbc:sqlite:" + this.directory.resolve("checks.db"))
			.locations("classpath:db/revisions/{vendor}")
			.targetSchema("classpath:db/schema/{vendor}.sql")
			.dynamicTests();
	}

}
