package dev.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite has no session lock: a writer that holds the database past the lock timeout
 * makes the upgrade fail with a lock timeout, and nothing is applied.
 */
class SqliteLockTests {

	@TempDir
	Path temporary;

	@Test
	void writeLockHeldLongerThanTheTimeoutFailsWithALockTimeoutAndAppliesNothing() throws Exception {
		SqliteDatabase database = SqliteDatabase.in(this.temporary);
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(database.url())
			.locations("classpath:db/seed")
			.lockTimeout(Duration.ofMillis(200))
			.build());
		migrations.upgrade("1a2b3c4d5e6f");

		try (Connection blocker = database.connect(); Statement statement = blocker.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrations.upgrade("heads"))
				.withMessageContaining("write lock")
				.withMessageContaining("still at 1a2b3c4d5e6f");
			statement.execute("ROLLBACK");
		}
		assertThat(migrations.current()).containsExactly("1a2b3c4d5e6f");
		assertThat(database.tables()).containsExactly("users");
	}

}
