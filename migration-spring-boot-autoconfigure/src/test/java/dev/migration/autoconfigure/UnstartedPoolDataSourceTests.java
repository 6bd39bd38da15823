package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migration.Migrations;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.migration.autoconfigure.MigrationsAutoConfigurationTests.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup upgrade does not start the application's Hikari pool: it connects the way
 * the pool would until the application starts the pool, and through the pool after.
 */
class UnstartedPoolDataSourceTests {

	private final ApplicationContextRunner contextRunner = MigrationsContextRunners.withDataSource();

	@TempDir
	Path directory;

	@Test
	void upgradesPostgresWithoutStartingThePoolAndWithThePoolsDataSourceProperties() throws SQLException {
		PostgresDatabase database = postgresWithSchema("carried");
		postgres(database)
			// a setting only the pool's driver properties carry: the tables land in its
			// schema
			.withPropertyValues("spring.datasource.hikari.data-source-properties.options=-c search_path=carried")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(pool(context).isRunning()).isFalse();
			});
		assertThat(rows(database.url(), "SELECT version_num FROM carried.migration_version"))
			.containsExactly("a00000000002");
	}

	@Test
	void usesThePoolOnceTheApplicationStartedIt() {
		postgres(PostgresDatabase.create()).run((context) -> {
			HikariDataSource pool = pool(context);
			DataSource migrations = context.getBean(Migrations.class).configuration().dataSource();
			try (Connection own = migrations.getConnection()) {
				assertThat(pool.isRunning()).isFalse();
			}
			try (Connection application = pool.getConnection()) {
				assertThat(application.isValid(1)).isTrue();
			}
			try (Connection pooled = migrations.getConnection()) {
				assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
			}
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000002");
		});
	}

	@Test
	void usesThePoolWhenItSetsUpItsConnectionsItself() throws SQLException {
		PostgresDatabase database = postgresWithSchema("initialized");
		postgres(database)
			.withPropertyValues("spring.datasource.hikari.connection-init-sql=SET search_path TO initialized")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(pool(context).isRunning()).isTrue();
			});
		assertThat(rows(database.url(), "SELECT version_num FROM initialized.migration_version"))
			.containsExactly("a00000000002");
	}

	@Test
	void upgradesSqliteWithoutStartingThePool() throws SQLException {
		String url = MigrationsContextRunners.sqlite(this.directory);
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(pool(context).isRunning()).isFalse();
		});
		assertThat(rows(url, "SELECT version_num FROM migration_version")).containsExactly("a00000000002");
	}

	private ApplicationContextRunner postgres(PostgresDatabase database) {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
	}

	private static PostgresDatabase postgresWithSchema(String schema) throws SQLException {
		PostgresDatabase database = PostgresDatabase.create();
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		return database;
	}

	private static HikariDataSource pool(AssertableApplicationContext context) {
		return context.getBean(HikariDataSource.class);
	}

}
