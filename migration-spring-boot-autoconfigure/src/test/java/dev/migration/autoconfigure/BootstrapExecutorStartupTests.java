package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migration.MigrationListener;
import dev.migration.Step;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup upgrade on Spring's bootstrap executor (which Boot's task execution
 * auto-configuration provides): it runs off the thread that creates the context, and
 * still every bean that depends on database initialization sees the migrated schema, and
 * a failure still fails the start. On SQLite and PostgreSQL.
 */
class BootstrapExecutorStartupTests {

	@TempDir
	Path directory;

	private TestDatabase database(String kind) {
		return kind.equals("sqlite") ? SqliteDatabase.in(this.directory) : PostgresDatabase.create();
	}

	/**
	 * The application's database; with Boot's task execution auto-configuration, which
	 * provides the bootstrap executor, or without.
	 */
	private ApplicationContextRunner on(TestDatabase database, boolean bootstrapExecutor) {
		List<Class<?>> configurations = new ArrayList<>(List.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, MigrationsAutoConfiguration.class));
		if (bootstrapExecutor) {
			configurations.add(TaskExecutionAutoConfiguration.class);
		}
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(configurations.toArray(Class<?>[]::new)))
			.withUserConfiguration(DatabaseUsers.class)
			.withPropertyValues("spring.datasource.url=" + database.url());
		if (database.user() != null) {
			runner = runner.withPropertyValues("spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password());
		}
		return runner;
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void upgradesOnTheBootstrapExecutorBeforeAnyBeanThatDependsOnDatabaseInitialization(String kind) {
		on(database(kind), true).run((context) -> {
			assertThat(context).hasNotFailed();
			// the user's beans are created before the auto-configuration's, and still
			// after the upgrade
			assertThat(context.getBean(ThingsSeenByJdbcTemplate.class).count()).isZero();
			assertThat(context.getBean(VersionSeenByDataSourceUser.class).version()).isEqualTo("a00000000002");
			assertThat(context.getBean(MigrationsInitializer.class).getState())
				.isEqualTo(MigrationsInitializer.State.SUCCEEDED);
			assertThat(context.getBean(StepThreads.class).names()).hasSize(2)
				.allSatisfy(
						(name) -> assertThat(name).startsWith("task-").isNotEqualTo(Thread.currentThread().getName()));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void upgradesWhileTheContextIsCreatedWithoutABootstrapExecutor(String kind) {
		on(database(kind), false).run((context) -> {
			assertThat(context.getBean(VersionSeenByDataSourceUser.class).version()).isEqualTo("a00000000002");
			assertThat(context.getBean(StepThreads.class).names()).containsOnly(Thread.currentThread().getName());
		});
	}

	@Test
	void aMigrationStrategyOfTheApplicationRunsWhereTheContextIsCreated() {
		on(database("sqlite"), true)
			.withBean(MigrationStrategy.class, () -> (migrations) -> migrations.upgrade("heads"))
			.run((context) -> {
				assertThat(context.getBean(VersionSeenByDataSourceUser.class).version()).isEqualTo("a00000000002");
				assertThat(context.getBean(StepThreads.class).names()).containsOnly(Thread.currentThread().getName());
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void aFailedUpgradeOnTheBootstrapExecutorFailsTheStart(String kind) {
		TestDatabase database = database(kind);
		on(database, true).withPropertyValues("migrations.locations=classpath:db/failing").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			// SQLite runs the broken statement and rolls it back; PostgreSQL's parser
			// refuses the file first
			assertThat(analysis.getDescription()).contains("f00000000002");
			assertThat(analysis.getAction()).contains("Fix");
		});
		assertThat(database.tables()).doesNotContain("broken");
	}

	/** Beans of the application that use the database while the context starts. */
	@Configuration(proxyBeanMethods = false)
	static class DatabaseUsers {

		@Bean
		StepThreads stepThreads() {
			return new StepThreads(new CopyOnWriteArrayList<>());
		}

		@Bean
		ThingsSeenByJdbcTemplate thingsSeenByJdbcTemplate(JdbcTemplate jdbcTemplate) {
			return new ThingsSeenByJdbcTemplate(jdbcTemplate.queryForObject("SELECT COUNT(*) FROM things", Long.class));
		}

		@Bean
		@DependsOnDatabaseInitialization
		VersionSeenByDataSourceUser versionSeenByDataSourceUser(DataSource dataSource) {
			return new VersionSeenByDataSourceUser(new JdbcTemplate(dataSource)
				.queryForObject("SELECT version_num FROM migration_version", String.class));
		}

	}

	/** The threads the revisions ran on. */
	record StepThreads(List<String> names) implements MigrationListener {

		@Override
		public void stepStarted(Step step) {
			this.names.add(Thread.currentThread().getName());
		}

	}

	record ThingsSeenByJdbcTemplate(long count) {

	}

	record VersionSeenByDataSourceUser(String version) {

	}

}
