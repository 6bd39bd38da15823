package dev.migration.autoconfigure;

import java.nio.file.Path;

import dev.migration.MigrationDatabaseException;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migration.autoconfigure.MigrationsAutoConfigurationTests.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: {@code migrations.connect-retries},
 * {@code migrations.init-sqls} and the one INFO line at the end of every startup upgrade,
 * on real databases.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsOperationsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final ApplicationContextRunner withoutDataSource = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void connectRetriesWaitForADatabaseThatCannotBeReachedYet() throws Exception {
		PostgresDatabase database = PostgresDatabase.create();
		try (TcpProxy proxy = TcpProxy.toPostgres(1)) {
			postgresThroughThePool(proxy, database).withPropertyValues("migrations.connect-retries=1")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(proxy.connections()).isEqualTo(3);
		}
		assertThat(rows(database.url(), "SELECT version_num FROM migration_version")).containsExactly("a00000000002");
	}

	@Test
	void withoutConnectRetriesAnUnreachableDatabaseFailsTheStartAtOnce() {
		PostgresDatabase database = PostgresDatabase.create();
		try (TcpProxy proxy = TcpProxy.toPostgres(1)) {
			postgresThroughThePool(proxy, database).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining(MigrationDatabaseException.class.getName())
					.hasStackTraceContaining("Cannot connect to");
			});
			assertThat(proxy.connections()).isEqualTo(1);
		}
	}

	@Test
	void initSqlsRunOnTheMigrationConnectionBeforeTheRevisions() throws Exception {
		PostgresDatabase database = PostgresDatabase.create();
		this.withoutDataSource
			.withPropertyValues("migrations.url=" + database.url(), "migrations.user=" + database.user(),
					"migrations.password=" + database.password(), "migrations.locations=classpath:db/settings",
					"migrations.init-sqls=SET lock_timeout = '5s'")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(rows(database.url(), "SELECT lock_timeout FROM seen")).containsExactly("5s");
	}

	@Test
	void logsOneLineAtTheEndOfEveryStartupUpgrade(CapturedOutput output) {
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("spring.datasource.url=" + url);
		runner.run((context) -> assertThat(context).hasNotFailed());
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll().lines().filter((line) -> line.contains("Upgrade to 'heads' finished")))
			.satisfiesExactly(
					(first) -> assertThat(first).contains(url + " is at revision a00000000002, 2 steps ran in "),
					(second) -> assertThat(second).contains(url + " is at revision a00000000002, 0 steps ran in "));
	}

	@Test
	void theLineShowsTheUrlWithoutItsPassword(CapturedOutput output) {
		PostgresDatabase database = PostgresDatabase.create();
		this.withoutDataSource.withPropertyValues("migrations.url=" + database.url() + "&password=hush-hush")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).contains("Upgrade to 'heads' finished: jdbc:postgresql://")
			.contains("is at revision a00000000002, 2 steps ran")
			.doesNotContain("hush-hush");
	}

	private ApplicationContextRunner postgresThroughThePool(TcpProxy proxy, PostgresDatabase database) {
		// two pooled connections (the migrations use two on PostgreSQL: one holds the
		// lock): the count is then the
		// attempts and the pool's two, whenever the pool fills up
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + proxy.postgresUrl(database.name()),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=5000");
	}

}
