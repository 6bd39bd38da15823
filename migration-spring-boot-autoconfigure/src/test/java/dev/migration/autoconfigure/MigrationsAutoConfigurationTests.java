package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.autoconfigure.javarevisions.ScannedRevision;
import dev.migration.operations.Operations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MigrationsAutoConfiguration}, against real SQLite files.
 */
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	private String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:sqlite:" + this.directory.resolve("app.db");
	}

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.url);
	}

	@Test
	void backsOffWithoutDataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrations.class);
			assertThat(context).doesNotHaveBean(MigrationsInitializer.class);
		});
	}

	@Test
	void registersNothingThatRunsBeforeTheConditionsMatch() {
		// an application listener from spring.factories runs even with
		// migrations.enabled=false or the
		// auto-configuration excluded: the starter must do its work in the
		// auto-configuration only
		List<ApplicationListener> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class);
		assertThat(listeners).noneMatch((listener) -> listener.getClass().getName().startsWith("dev.migration."));
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(Migrations.class);
			assertThat(tables()).doesNotContain("migration_version");
		});
	}

	@Test
	void upgradesOnStartupByDefault() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(Migrations.class);
			assertThat(context.getBean(MigrationsInitializer.class).getState())
				.isEqualTo(MigrationsInitializer.State.SUCCEEDED);
			assertThat(versionRows()).containsExactly("a00000000002");
			assertThat(tables()).contains("things");
		});
	}

	@Test
	void secondStartAppliesNothing() {
		withDatabase().run((context) -> assertThat(versionRows()).containsExactly("a00000000002"));
		withDatabase().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(historyRevisions()).containsExactly("a00000000001", "a00000000002");
		});
	}

	@Test
	void upgradesToTheConfiguredTarget() {
		withDatabase().withPropertyValues("migrations.target=a00000000001")
			.run((context) -> assertThat(versionRows()).containsExactly("a00000000001"));
	}

	@Test
	void upgradesWithMigrationsUrlWithoutDataSource() {
		this.contextRunner.withPropertyValues("migrations.url=" + this.url).run((context) -> {
			assertThat(context).hasSingleBean(Migrations.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
			assertThat(versionRows()).containsExactly("a00000000002");
		});
	}

	@Test
	void migrationsUrlWinsOverTheApplicationDataSource() {
		String other = "jdbc:sqlite:" + this.directory.resolve("other.db");
		withDatabase().withPropertyValues("migrations.url=" + other).run((context) -> {
			assertThat(rows(other, "SELECT version_num FROM migration_version")).containsExactly("a00000000002");
			assertThat(tables()).doesNotContain("migration_version");
		});
	}

	@Test
	void migrationsDataSourceWinsOverThePrimaryDataSource() {
		String other = "jdbc:sqlite:" + this.directory.resolve("other.db");
		withDatabase().withUserConfiguration(MigrationsDataSourceConfiguration.class)
			.withPropertyValues("test.other-url=" + other)
			.run((context) -> {
				assertThat(rows(other, "SELECT version_num FROM migration_version")).containsExactly("a00000000002");
				assertThat(tables()).doesNotContain("migration_version");
			});
	}

	@Test
	void runOnStartupOffRunsNothing() {
		withDatabase().withPropertyValues("migrations.run-on-startup=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsInitializer.class).getState())
				.isEqualTo(MigrationsInitializer.State.NOT_RUN);
			assertThat(tables()).doesNotContain("things");
		});
	}

	@Test
	void failOnPendingRefusesToStartWhileRevisionsArePending() {
		withDatabase().withPropertyValues("migrations.run-on-startup=false", "migrations.fail-on-pending=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(PendingRevisionsException.class)
					.hasMessageContaining("a00000000001, a00000000002");
				assertThat(tables()).doesNotContain("things");
			});
	}

	@Test
	void failOnPendingStartsWhenUpToDate() {
		withDatabase().run((context) -> assertThat(context).hasNotFailed());
		withDatabase().withPropertyValues("migrations.run-on-startup=false", "migrations.fail-on-pending=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void mapsPropertiesOntoTheConfiguration() {
		withDatabase()
			.withPropertyValues("migrations.version-table=app_version", "migrations.history-table=app_history",
					"migrations.lock-timeout=5s", "migrations.validate-checksums=false",
					"migrations.ignore-unknown-revisions=true")
			.run((context) -> {
				MigrationConfiguration configuration = context.getBean(Migrations.class).configuration();
				assertThat(configuration.versionTable()).isEqualTo("app_version");
				assertThat(configuration.historyTable()).isEqualTo("app_history");
				assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(configuration.validateChecksums()).isFalse();
				assertThat(configuration.ignoreUnknownRevisions()).isTrue();
				assertThat(tables()).contains("app_version", "app_history").doesNotContain("migration_version");
			});
	}

	@Test
	void resolvesTheVendorPlaceholderInLocations() {
		withDatabase().withPropertyValues("migrations.locations=classpath:db/{vendor}").run((context) -> {
			assertThat(context.getBean(Migrations.class).configuration().locations())
				.containsExactly("classpath:db/sqlite");
			assertThat(versionRows()).containsExactly("c00000000001");
		});
	}

	@Test
	void customizerAdjustsTheConfiguration() {
		withDatabase()
			.withBean(MigrationsConfigurationCustomizer.class,
					() -> (configuration) -> configuration.versionTable("customized_version"))
			.run((context) -> assertThat(tables()).contains("customized_version").doesNotContain("migration_version"));
	}

	@Test
	void strategyReplacesTheStartupUpgrade() {
		withDatabase().withBean(MigrationStrategy.class, () -> (migrations) -> migrations.upgrade("a00000000001"))
			.run((context) -> assertThat(versionRows()).containsExactly("a00000000001"));
	}

	@Test
	void userMigrationsBeanReplacesOurs() {
		withDatabase().withUserConfiguration(UserMigrationsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrations.class);
			assertThat(context.getBean(Migrations.class).configuration().versionTable()).isEqualTo("user_version");
			assertThat(tables()).contains("user_version");
		});
	}

	@Test
	void userInitializerReplacesOurs() {
		withDatabase().withUserConfiguration(UserInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsInitializer.class);
			assertThat(context).hasBean("userInitializer");
			assertThat(versionRows()).containsExactly("a00000000001");
		});
	}

	@Test
	void jdbcTemplateSeesTheMigratedSchema() {
		withDatabase().withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withUserConfiguration(ThingCounterConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ThingCounter.class).countAtStartup).isZero();
			});
	}

	@Test
	void beanMarkedDependsOnDatabaseInitializationSeesTheMigratedSchema() {
		withDatabase().withUserConfiguration(MarkedBeanConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ColumnReader.class).columns).contains("colour");
		});
	}

	@Test
	void javaRevisionBeansJoinTheGraph() {
		withDatabase()
			.withBean("backfill", JavaRevision.class, () -> revision("j00000000001", "a00000000002",
					(operations) -> operations.execute("INSERT INTO things (id, name) VALUES (1, 'from java')")))
			.run((context) -> {
				assertThat(versionRows()).containsExactly("j00000000001");
				assertThat(rows(this.url, "SELECT name FROM things")).containsExactly("from java");
			});
	}

	@Test
	void javaRevisionPackagesAreScanned() {
		withDatabase().withPropertyValues("migrations.java-revision-packages=" + ScannedRevision.class.getPackageName())
			.run((context) -> {
				assertThat(versionRows()).containsExactly(ScannedRevision.ID);
				assertThat(tables()).contains("scanned");
			});
	}

	@Test
	void asyncUpgradeRefusesTrafficUntilItEnds() {
		CountDownLatch release = new CountDownLatch(1);
		withDatabase().withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("migrations.async=true")
			.withBean("slow", JavaRevision.class, () -> revision("s00000000001", "a00000000002", (operations) -> {
				release.await();
				operations.execute("CREATE TABLE slow (id INTEGER)");
			}))
			.run((context) -> {
				ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				// what Spring Boot publishes once the context has started
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(initializer.getState()).isEqualTo(MigrationsInitializer.State.RUNNING);
				assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
				release.countDown();
				await().atMost(Duration.ofSeconds(20))
					.until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(initializer.getState()).isEqualTo(MigrationsInitializer.State.SUCCEEDED);
				assertThat(versionRows()).containsExactly("s00000000001");
				assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
			});
	}

	@Test
	void asyncUpgradeThatFailsMarksTheApplicationBroken() {
		withDatabase().withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("migrations.async=true", "migrations.locations=classpath:db/failing")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> initializer.getState() == MigrationsInitializer.State.FAILED);
				assertThat(availability.getLivenessState()).isEqualTo(LivenessState.BROKEN);
				assertThat(initializer.getFailure()).hasMessageContaining("f00000000002");
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
				assertThat(versionRows()).containsExactly("f00000000001");
			});
	}

	private List<String> versionRows() throws SQLException {
		return rows(this.url, "SELECT version_num FROM migration_version");
	}

	private List<String> historyRevisions() throws SQLException {
		return rows(this.url, "SELECT revision FROM migration_history WHERE direction = 'upgrade' ORDER BY id");
	}

	private List<String> tables() throws SQLException {
		return rows(this.url, "SELECT name FROM sqlite_master WHERE type = 'table'");
	}

	static List<String> rows(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(result.getString(1));
			}
			return rows;
		}
	}

	static JavaRevision revision(String id, String downRevision, Body upgrade) {
		return new JavaRevision() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public List<String> downRevisions() {
				return List.of(downRevision);
			}

			@Override
			public void upgrade(Operations operations) throws Exception {
				upgrade.run(operations);
			}

		};
	}

	interface Body {

		void run(Operations operations) throws Exception;

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsDataSourceConfiguration {

		@Bean
		@Primary
		DataSource dataSource(org.springframework.core.env.Environment environment) {
			return DataSourceBuilder.create().url(environment.getProperty("spring.datasource.url")).build();
		}

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(org.springframework.core.env.Environment environment) {
			return DataSourceBuilder.create().url(environment.getProperty("test.other-url")).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigrationsConfiguration {

		@Bean
		Migrations userMigrations(DataSource dataSource) {
			return Migrations
				.create(MigrationConfiguration.builder().dataSource(dataSource).versionTable("user_version").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInitializerConfiguration {

		@Bean
		MigrationsInitializer userInitializer(Migrations migrations) {
			return new MigrationsInitializer(migrations, null, "a00000000001");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThingCounterConfiguration {

		@Bean
		ThingCounter thingCounter(JdbcTemplate jdbcTemplate) {
			return new ThingCounter(jdbcTemplate.queryForObject("SELECT COUNT(*) FROM things", Integer.class));
		}

	}

	record ThingCounter(int countAtStartup) {

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedBeanConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		ColumnReader columnReader(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection();
					ResultSet columns = connection.getMetaData().getColumns(null, null, "things", null)) {
				List<String> names = new ArrayList<>();
				while (columns.next()) {
					names.add(columns.getString("COLUMN_NAME"));
				}
				return new ColumnReader(names);
			}
		}

	}

	record ColumnReader(List<String> columns) {

	}

}
