package dev.migration.internal.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migration.MigrationDatabaseException;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConnectionSourceTests {

	@TempDir
	Path directory;

	@Test
	void aSourceDerivedForConnectOrLockSharingKeepsItsRedactor() {
		ConnectionSource source = ConnectionSource.of(null, "jdbc:postgresql://db/app?password=inurl", "u", "given");
		ConnectionSource derived = source.onConnect(List.of("SET work_mem = '8MB'"), 1)
			.sharingLockSessions(new Object());
		// a fleet derives two per schema: the secrets are worked out once
		assertThat(derived.redactor()).isSameAs(source.redactor());
		assertThat(derived.redactor().redact("given inurl")).isEqualTo("**** ****");
	}

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

	@Test
	void retriesADatabaseThatCannotBeReachedYet() throws SQLException {
		PostgresDatabase database = PostgresDatabase.create();
		try (TcpProxy proxy = TcpProxy.toPostgres(1)) {
			ConnectionSource source = ConnectionSource
				.of(null, proxy.postgresUrl(database.name()), "postgres", "postgres")
				.onConnect(List.of(), 2);
			try (Connection connection = source.open()) {
				assertThat(connection.isValid(1)).isTrue();
			}
			assertThat(proxy.connections()).isEqualTo(2);
		}
	}

	@Test
	void givesUpAfterTheRetriesAndSaysHowOftenItTried() {
		try (TcpProxy proxy = TcpProxy.toPostgres(Integer.MAX_VALUE)) {
			ConnectionSource source = ConnectionSource.of(null, proxy.postgresUrl("postgres"), "postgres", "secret")
				.onConnect(List.of(), 1);
			assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(source::open)
				.withMessageContaining("tried 2 times")
				.withMessageNotContaining("secret");
			assertThat(proxy.connections()).isEqualTo(2);
		}
	}

	@Test
	void withoutRetriesConnectsOnce() {
		try (TcpProxy proxy = TcpProxy.toPostgres(Integer.MAX_VALUE)) {
			ConnectionSource source = ConnectionSource.of(null, proxy.postgresUrl("postgres"), "postgres", "postgres");
			assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(source::open);
			assertThat(proxy.connections()).isEqualTo(1);
		}
	}

	@Test
	void runsTheInitSqlsOnEachConnectionBeforeAnythingElse() throws SQLException {
		PostgresDatabase database = PostgresDatabase.create();
		ConnectionSource source = ConnectionSource.of(null, database.url(), database.user(), database.password())
			.onConnect(List.of("SET lock_timeout = '5s'", "SET application_name = 'migrations'"), 0);
		for (int i = 0; i < 2; i++) {
			try (Connection connection = source.open();
					Statement statement = connection.createStatement();
					ResultSet settings = statement
						.executeQuery("SELECT current_setting('lock_timeout'), current_setting('application_name')")) {
				settings.next();
				assertThat(settings.getString(1)).isEqualTo("5s");
				assertThat(settings.getString(2)).isEqualTo("migrations");
			}
		}
	}

	@Test
	void aFailingInitSqlIsNamedAndNothingRuns() {
		ConnectionSource source = ConnectionSource
			.of(null, "jdbc:sqlite:" + this.directory.resolve("init.db"), null, null)
			.onConnect(List.of("PRAGMA busy_timeout = 5000", "SELEC 1"), 0);
		assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(source::open)
			.withMessageContaining("The init SQL 'SELEC 1' failed")
			.withMessageContaining("Nothing was run");
	}

}
