package dev.migration.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migration.Migrations;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The sample application on PostgreSQL in a container, connected through
 * {@code @ServiceConnection}. Runs only where Docker is available;
 * {@link PostgresSampleApplicationTests} covers PostgreSQL everywhere else.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersSampleApplicationTests extends AbstractSampleApplicationTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Override
	Migrations scratchMigrations() {
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
				postgres.getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE scratch");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return Migrations.create(this.migrations.configuration()
			.toBuilder()
			.dataSource(null)
			.url("jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/scratch")
			.user(postgres.getUsername())
			.password(postgres.getPassword())
			.build());
	}

}
