package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.migration.Migrations;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.migration.autoconfigure.MigrationsAutoConfigurationTests.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MigrationsConnectionDetails} bean is the migration connection: it wins over
 * {@code migrations.url} and the application's DataSource.
 */
class MigrationsConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void connectionDetailsWinOverMigrationsUrlAndTheDataSource() {
		String application = sqlite("app.db");
		String configured = sqlite("configured.db");
		String detailed = sqlite("details.db");
		this.contextRunner.withPropertyValues("spring.datasource.url=" + application, "migrations.url=" + configured)
			.withBean(MigrationsConnectionDetails.class, () -> MigrationsConnectionDetails.of(detailed, null, null))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(versionRows(detailed)).containsExactly("a00000000002");
				assertThat(tables(configured)).isEmpty();
				assertThat(tables(application)).isEmpty();
			});
	}

	@Test
	void connectionDetailsAloneAreEnoughToMigrate() {
		String detailed = sqlite("details.db");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean(MigrationsConnectionDetails.class, () -> MigrationsConnectionDetails.of(detailed, null, null))
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrations.class);
				assertThat(versionRows(detailed)).containsExactly("a00000000002");
			});
	}

	@Test
	void connectionDetailsOfAPostgresDatabaseWinOverASqliteApplicationDatabase() throws SQLException {
		PostgresDatabase database = PostgresDatabase.create();
		String application = sqlite("app.db");
		this.contextRunner.withPropertyValues("spring.datasource.url=" + application)
			.withBean(MigrationsConnectionDetails.class,
					() -> MigrationsConnectionDetails.of(database.url(), database.user(), database.password()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(application)).isEmpty();
			});
		assertThat(rows(database.url(), "SELECT version_num FROM migration_version")).containsExactly("a00000000002");
	}

	@Test
	void dockerComposePostgresServicesProvideConnectionDetails() {
		// what Boot's Docker Compose support does with the JdbcConnectionDetails it
		// creates for a running service
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(null);
		Map<Class<?>, ConnectionDetails> adapted = factories
			.getConnectionDetails(jdbc("jdbc:postgresql://127.0.0.1:32768/app"), false);
		assertThat(adapted.get(MigrationsConnectionDetails.class))
			.isInstanceOfSatisfying(MigrationsConnectionDetails.class, (details) -> {
				assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:32768/app");
				assertThat(details.getUsername()).isEqualTo("app");
				assertThat(details.getPassword()).isEqualTo("secret");
			});
		assertThat(factories.getConnectionDetails(jdbc("jdbc:mysql://127.0.0.1:32769/app"), false))
			.doesNotContainKey(MigrationsConnectionDetails.class);
	}

	private String sqlite(String name) {
		return "jdbc:sqlite:" + this.directory.resolve(name);
	}

	private static List<String> versionRows(String url) throws SQLException {
		return rows(url, "SELECT version_num FROM migration_version");
	}

	private static List<String> tables(String url) throws SQLException {
		return rows(url, "SELECT name FROM sqlite_master WHERE type = 'table'");
	}

	private static JdbcConnectionDetails jdbc(String url) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return "app";
			}

			@Override
			public String getPassword() {
				return "secret";
			}

		};
	}

}
