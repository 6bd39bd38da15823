package dev.migration.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.migration.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code production} profile over real HTTP: Spring Security with HTTP basic, reads
 * for operators, the downgrade for migrations administrators only, recorded with the
 * administrator's name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.operator-password=operator-secret",
				"sample.security.admin-password=admin-secret" })
@ActiveProfiles("production")
class SecuredSampleApplicationTests {

	static final String HEAD = AbstractSampleApplicationTests.HEAD;

	static final String TEAMS = "c3d2e5f4a6b7";

	@TempDir
	static Path directory;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	Migrations migrations;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("secured.db"));
	}

	@AfterEach
	void backToHeads() {
		this.migrations.upgrade("heads");
	}

	@Test
	void healthIsOpenButMigrationsNeedAUser() throws Exception {
		assertThat(send(get("/actuator/health/readiness"), null, null).statusCode()).isEqualTo(200);
		assertThat(send(get("/actuator/migrations"), null, null).statusCode()).isEqualTo(401);
		assertThat(send(get("/actuator/migrations"), "operator", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void anOperatorReadsButMayNotDowngrade() throws Exception {
		HttpResponse<String> state = send(get("/actuator/migrations"), "operator", "operator-secret");
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(state.body(), "$.current")).containsExactly(HEAD);
		assertThat(send(downgrade(false), "operator", "operator-secret").statusCode()).isEqualTo(403);
		assertThat(this.migrations.current()).containsExactly(HEAD);
	}

	@Test
	void anAdministratorDryRunsThenDowngradesAndTheHistoryNamesThem() throws Exception {
		HttpResponse<String> dryRun = send(downgrade(null), "admin", "admin-secret");
		assertThat(dryRun.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(dryRun.body(), "$.sql")).contains("DROP TABLE posts");
		assertThat(this.migrations.current()).containsExactly(HEAD);
		HttpResponse<String> done = send(downgrade(false), "admin", "admin-secret");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(done.body(), "$.current")).containsExactly(TEAMS);
		assertThat(JsonPath.<String>read(done.body(), "$.history[0].appliedBy")).isEqualTo("admin");
		assertThat(this.jdbc.sql("SELECT applied_by FROM migration_history WHERE direction = 'downgrade'")
			.query(String.class)
			.list()).containsExactly("admin");
		HttpResponse<String> again = send(downgrade(false), "admin", "admin-secret");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.body(), "$.error")).isEqualTo("current_mismatch");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder downgrade(Boolean dryRun) {
		String body = "{\"target\": \"-1\", \"expectedCurrent\": \"" + HEAD + "\""
				+ ((dryRun != null) ? ", \"dryRun\": " + dryRun : "") + "}";
		return HttpRequest.newBuilder(uri("/actuator/migrations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
			throws IOException, InterruptedException {
		if (user != null) {
			String credentials = user + ":" + password;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
