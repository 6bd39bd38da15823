package dev.migration.test;

import java.io.IOException;
import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresMigrationChecksTests extends MigrationChecksTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

	@Test
	void anIndexBuiltWithoutConcurrentlyOnAnExistingTableFailsTheLintNamingFileLineAndRule() throws IOException {
		writeGoodRevisions();

		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> checks().assertLintClean())
			.withMessageStartingWith("The lint reports 1 errors in the revisions")
			.withMessageContaining("b2c3d4e5f6a7_add_email.sql:7: require-concurrent-index error: ");
	}

}
