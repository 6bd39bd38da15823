package dev.migration.autoconfigure.slices;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} PostgreSQL container is where the migrations go, although
 * {@code migrations.url} names another database (as an application.properties for
 * development would). Runs only where Docker is available;
 * {@code MigrationsConnectionDetailsTests} covers the selection everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@JdbcTest(properties = "migrations.url=jdbc:sqlite:file:development?mode=memory")
@AutoConfigureTestDatabase(replace = Replace.NONE)
class ServiceConnectionTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void migratesTheContainersDatabase() {
		assertThat(this.jdbcTemplate.queryForList("SELECT version_num FROM migration_version", String.class))
			.containsExactly("a00000000002");
	}

}
