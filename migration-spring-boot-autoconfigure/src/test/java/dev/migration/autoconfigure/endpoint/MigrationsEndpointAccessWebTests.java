package dev.migration.autoconfigure.endpoint;

import java.nio.file.Path;

import dev.migration.Migrations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint over real HTTP where no downgrade may run: with write access but without
 * {@code migrations.endpoint.downgrade-enabled} every downgrade, even a dry run, is
 * refused with 403; with the default access the downgrade is not mapped at all (405),
 * even with {@code migrations.endpoint.downgrade-enabled=true}.
 */
class MigrationsEndpointAccessWebTests {

	@ParameterizedTest
	@CsvSource({ "management.endpoint.migrations.access=unrestricted, 403",
			"migrations.endpoint.downgrade-enabled=true, 405" })
	void readsButRunsNoDowngrade(String setting, int downgradeStatus, @TempDir Path directory) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EndpointTestApplication.class)
			.properties("server.port=0", "migrations.locations=classpath:db/endpoint",
					"management.endpoints.web.exposure.include=health,migrations", setting,
					"spring.datasource.url=jdbc:sqlite:" + directory.resolve("app.db"))
			.run()) {
			HttpTestClient http = new HttpTestClient(
					context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			assertThat(http.get("/actuator/migrations").statusCode()).isEqualTo(200);
			assertThat(http
				.post("/actuator/migrations",
						"{\"target\": \"-1\", \"expectedCurrent\": \"e00000000004\", \"dryRun\": false}")
				.statusCode()).isEqualTo(downgradeStatus);
			assertThat(context.getBean(Migrations.class).current()).containsExactly("e00000000004");
		}
	}

}
