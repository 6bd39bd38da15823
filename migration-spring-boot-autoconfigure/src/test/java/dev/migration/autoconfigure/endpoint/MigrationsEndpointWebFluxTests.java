package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.migration.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint on a reactive (WebFlux, Netty) server: the same answers as on a servlet
 * one, malformed bodies included, with nothing written by hand for either.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "migrations.locations=classpath:db/endpoint",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.migrations.access=unrestricted", "migrations.endpoint.downgrade-enabled=true" })
class MigrationsEndpointWebFluxTests {

	static final String REVIEWS = "e00000000004";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Migrations migrations;

	private HttpTestClient http;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("migrations-endpoint-webflux");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("app.db"));
	}

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void answersTheStateAndADryRun() throws Exception {
		HttpResponse<String> state = this.http.get("/actuator/migrations");
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(state.body(), "$.current")).containsExactly(REVIEWS);
		HttpResponse<String> plan = this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\"}");
		assertThat(plan.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(plan.body(), "$.sql")).contains("DROP TABLE reviews");
	}

	@Test
	void answersARefusalWithTheErrorBody() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations",
				"{\"target\": \"-2\", \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": false}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("too_many_steps");
	}

	@Test
	void answersMalformedBodiesWithBadRequest() throws Exception {
		for (String body : List.of("{\"target\": ", "target=-1", "{\"expectedCurrent\": \"" + REVIEWS + "\"}",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": \"maybe\"}",
				"{\"target\": [\"-1\"], \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": false}")) {
			HttpResponse<String> response = this.http.post("/actuator/migrations", body);
			assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
		}
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
	}

	@Test
	void answersAMissingExpectedCurrentWithAConflict() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"dryRun\": false}");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("expected_current_required");
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
	}

}
