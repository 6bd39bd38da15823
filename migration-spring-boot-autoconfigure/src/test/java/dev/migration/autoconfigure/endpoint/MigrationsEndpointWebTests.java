package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.migration.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint over real HTTP on a SQLite file, without Spring Security, with write
 * access and downgrades on; on a servlet server here, on a reactive one in
 * {@link MigrationsEndpointWebFluxTests}.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:db/endpoint",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.migrations.access=unrestricted", "migrations.endpoint.downgrade-enabled=true" })
class MigrationsEndpointWebTests extends HttpApplicationTests {

	static final String AUTHORS = "e00000000003";

	static final String REVIEWS = "e00000000004";

	@Autowired
	Migrations migrations;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("migrations-endpoint");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("app.db"));
	}

	@BeforeEach
	void backToHeads() {
		this.migrations.upgrade("heads");
	}

	@Test
	void answersTheStateAsTheContractShowsIt() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JsonPath.read(response.body(), "$");
		assertThat(body).containsOnlyKeys("current", "heads", "upToDate", "pending", "revisions", "history");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.current")).containsExactly(REVIEWS);
		assertThat(JsonPath.<Boolean>read(response.body(), "$.upToDate")).isTrue();
		Map<String, Object> revision = JsonPath.read(response.body(), "$.revisions[0]");
		assertThat(revision).containsOnlyKeys("revision", "downRevisions", "message", "branchLabels", "applied", "head",
				"current", "reversible", "checksum", "appliedAt", "durationMs");
		assertThat(revision).containsEntry("revision", REVIEWS)
			.containsEntry("downRevisions", List.of(AUTHORS))
			.containsEntry("current", true);
		assertThat((String) revision.get("appliedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
		Map<String, Object> history = JsonPath.read(response.body(), "$.history[0]");
		assertThat(history).containsOnlyKeys("revision", "direction", "appliedAt", "appliedBy", "durationMs",
				"success");
	}

	@Test
	void answersOneRevisionByPrefixWithItsSql() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/migrations/e00000000003");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.revision")).isEqualTo(AUTHORS);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.downgradeSql"))
			.containsExactly("DROP TABLE authors");
		assertThat(this.http.get("/actuator/migrations/ffff").statusCode()).isEqualTo(404);
	}

	@Test
	void dryRunByDefaultAnswersTheSqlAndChangesNothing() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(response.body(), "$.dryRun")).isTrue();
		assertThat(JsonPath.<String>read(response.body(), "$.steps[0].revision")).isEqualTo(REVIEWS);
		assertThat(JsonPath.<String>read(response.body(), "$.sql")).contains("DROP TABLE reviews");
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
		assertThat(tables()).contains("reviews");
	}

	@Test
	void executesADowngradeAndAnswersTheNewState() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": false}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.current")).containsExactly(AUTHORS);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.pending")).containsExactly(REVIEWS);
		assertThat(JsonPath.<String>read(response.body(), "$.history[0].direction")).isEqualTo("downgrade");
		assertThat(tables()).doesNotContain("reviews");
		Map<String, Object> reverted = JsonPath.read(response.body(), "$.revisions[0]");
		assertThat(reverted).containsEntry("applied", false).containsEntry("appliedAt", null);
	}

	@ParameterizedTest
	@CsvSource({ "-1, " + AUTHORS + ", 409, current_mismatch", "-2, " + REVIEWS + ", 422, too_many_steps" })
	void refusesAStaleExpectedCurrentOrTooManySteps(String target, String expectedCurrent, int status, String error)
			throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations", "{\"target\": \"" + target
				+ "\", \"expectedCurrent\": \"" + expectedCurrent + "\", \"dryRun\": false}");
		assertRefusal(response, status, error);
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
	}

	@Test
	void answersABodyThatIsNotJsonWithBadRequest() throws Exception {
		assertBadRequest(this.http.post("/actuator/migrations", "{\"target\": "));
		assertBadRequest(this.http.post("/actuator/migrations", "target=-1"));
	}

	@Test
	void answersAValueOfTheWrongTypeWithBadRequest() throws Exception {
		assertBadRequest(this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": \"maybe\"}"));
		assertBadRequest(this.http.post("/actuator/migrations",
				"{\"target\": [\"-1\"], \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": false}"));
		assertBadRequest(this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": {\"id\": 1}, \"dryRun\": false}"));
	}

	@Test
	void readsDryRunAsSpringReadsABoolean() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + REVIEWS + "\", \"dryRun\": \"no\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.migrations.current()).containsExactly(AUTHORS);
	}

	@Test
	void answersAMissingTargetWithBadRequest() throws Exception {
		assertBadRequest(this.http.post("/actuator/migrations", "{\"expectedCurrent\": \"" + REVIEWS + "\"}"));
	}

	@Test
	void answersAMissingExpectedCurrentWithAConflict() throws Exception {
		assertRefusal(this.http.post("/actuator/migrations", "{\"target\": \"-1\", \"dryRun\": false}"), 409,
				"expected_current_required");
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
	}

	private void assertBadRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("\tat ", "jdbc:");
		assertThat(this.migrations.current()).containsExactly(REVIEWS);
	}

	private void assertRefusal(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).isEqualTo(status);
		Map<String, Object> body = JsonPath.read(response.body(), "$");
		assertThat(body).containsOnlyKeys("error", "message").containsEntry("error", error);
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "jdbc:");
	}

	private List<String> tables() {
		return this.jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
	}

}
