package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.Migrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint over real HTTP with write access but without
 * {@code migrations.endpoint.downgrade-enabled}: every downgrade, even a dry run, is
 * refused with 403.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:db/endpoint",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.migrations.access=unrestricted" })
class MigrationsEndpointDisabledWebTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	Migrations migrations;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("migrations-endpoint");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("app.db"));
	}

	@Test
	void refusesTheDowngradeWithForbiddenUnlessEnabled() throws Exception {
		HttpTestClient http = new HttpTestClient(this.port);
		assertThat(http.get("/actuator/migrations").statusCode()).isEqualTo(200);
		assertThat(http
			.post("/actuator/migrations",
					"{\"target\": \"-1\", \"expectedCurrent\": \"e00000000004\", \"dryRun\": false}")
			.statusCode()).isEqualTo(403);
		assertThat(this.migrations.current()).containsExactly("e00000000004");
	}

}
