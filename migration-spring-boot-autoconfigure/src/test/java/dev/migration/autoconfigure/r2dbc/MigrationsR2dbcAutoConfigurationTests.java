package dev.migration.autoconfigure.r2dbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsConnectionDetails;
import dev.migration.support.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsR2dbcAutoConfiguration}: which connection a reactive
 * application is migrated over, on the embedded PostgreSQL server.
 */
class MigrationsR2dbcAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, MigrationsR2dbcAutoConfiguration.class,
				MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	private PostgresDatabase database;

	@BeforeEach
	void database() {
		this.database = PostgresDatabase.create();
	}

	@Test
	void migratesOverTheJdbcUrlThatMatchesSpringR2dbcUrl() {
		this.contextRunner
			.withPropertyValues("spring.r2dbc.url=" + r2dbcUrl(this.database) + "?maxSize=3",
					"spring.r2dbc.username=postgres", "spring.r2dbc.password=postgres")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsConnectionDetails.class);
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo(jdbcUrl(this.database));
				assertThat(details.getUsername()).isEqualTo("postgres");
				assertThat(details.getPassword()).isEqualTo("postgres");
				assertThat(versionRows(this.database)).containsExactly("a00000000002");
			});
	}

	@Test
	void migratesOverR2dbcConnectionDetailsAsAServiceConnectionProvidesThem() {
		this.contextRunner
			.withBean(R2dbcConnectionDetails.class,
					() -> () -> ConnectionFactoryOptions.parse(r2dbcUrl(this.database).replace("r2dbc:", "r2dbc:pool:"))
						.mutate()
						.option(ConnectionFactoryOptions.USER, "postgres")
						.build())
			.run((context) -> {
				assertThat(context.getBean(MigrationsConnectionDetails.class).getJdbcUrl())
					.isEqualTo(jdbcUrl(this.database));
				assertThat(versionRows(this.database)).containsExactly("a00000000002");
			});
	}

	@ParameterizedTest(name = "through a MigrationsConnectionDetails bean: {0}")
	@ValueSource(booleans = { false, true })
	void migrationsUrlOrAMigrationsConnectionDetailsBeanWinsOverTheR2dbcSettings(boolean bean) {
		PostgresDatabase other = PostgresDatabase.create();
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("spring.r2dbc.url=" + r2dbcUrl(this.database), "spring.r2dbc.username=postgres");
		runner = bean
				? runner.withBean(MigrationsConnectionDetails.class,
						() -> MigrationsConnectionDetails.of(jdbcUrl(other), "postgres", null))
				: runner.withPropertyValues("migrations.url=" + jdbcUrl(other), "migrations.user=postgres");
		runner.run((context) -> {
			// the R2DBC one backs off: only the user's bean is there, or none
			assertThat(context.getBeansOfType(MigrationsConnectionDetails.class)).hasSize(bean ? 1 : 0);
			assertThat(versionRows(other)).containsExactly("a00000000002");
			assertThat(tables(this.database)).isEmpty();
		});
	}

	@Test
	void theApplicationsDataSourceWinsOverTheR2dbcSettings() {
		// Boot's DataSource auto-configuration backs off beside a ConnectionFactory: this
		// one is the application's
		String sqlite = "jdbc:sqlite:" + this.directory.resolve("app.db");
		this.contextRunner
			.withPropertyValues("spring.r2dbc.url=" + r2dbcUrl(this.database), "spring.r2dbc.username=postgres")
			.withBean(DataSource.class, () -> DataSourceBuilder.create().url(sqlite).build())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MigrationsConnectionDetails.class);
				assertThat(context.getBean(Migrations.class).status().current()).containsExactly("a00000000002");
				assertThat(tables(this.database)).isEmpty();
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner
			.withPropertyValues("spring.r2dbc.url=" + r2dbcUrl(this.database), "spring.r2dbc.username=postgres",
					"migrations.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(MigrationsConnectionDetails.class);
				assertThat(context).doesNotHaveBean(Migrations.class);
			});
	}

	@Test
	void backsOffWithoutR2dbc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.r2dbc"))
			.withPropertyValues("spring.r2dbc.url=" + r2dbcUrl(this.database))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(Migrations.class);
			});
	}

	@Test
	void refusesToStartOnAnotherDatabase() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrationsR2dbcAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withBean(R2dbcConnectionDetails.class,
					() -> () -> ConnectionFactoryOptions.parse("r2dbc:pool:mysql://root:Top5ecret@db:3306/shop"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("(db/shop): its driver 'mysql' is not PostgreSQL")
					.hasMessageContaining("Nothing was applied")
					.hasMessageNotContaining("Top5ecret");
			});
	}

	private static String r2dbcUrl(PostgresDatabase database) {
		return "r2dbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/" + database.name();
	}

	private static String jdbcUrl(PostgresDatabase database) {
		return "jdbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/" + database.name();
	}

	private static List<String> versionRows(PostgresDatabase database) throws SQLException {
		return strings(database, "SELECT version_num FROM migration_version");
	}

	private static List<String> tables(PostgresDatabase database) throws SQLException {
		return strings(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
	}

	private static List<String> strings(PostgresDatabase database, String query) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "postgres");
				ResultSet result = connection.createStatement().executeQuery(query)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

}
