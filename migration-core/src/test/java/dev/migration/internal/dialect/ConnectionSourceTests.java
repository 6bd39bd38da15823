package dev.migration.internal.dialect;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationDatabaseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConnectionSourceTests {

	@TempDir
	Path directory;

	@Test
	void warmingUpASqliteUrlCreatesNoFile() {
		Path file = this.directory.resolve("not-yet.db");
		ConnectionSource.of(null, "jdbc:sqlite:" + file, null, null).warmUp();
		assertThat(file).doesNotExist();
	}

	@Test
	void aWarmUpThatCannotConnectLeavesTheErrorToTheRealConnection() {
		// nothing listens on port 1
		ConnectionSource unreachable = ConnectionSource.of(null, "jdbc:postgresql://127.0.0.1:1/none", "u", "p");
		unreachable.warmUp();
		assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(unreachable::open)
			.withMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:1/none");
	}

}
