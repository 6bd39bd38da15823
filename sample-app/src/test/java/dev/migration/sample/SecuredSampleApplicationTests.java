package dev.migration.sample;

import java.nio.file.Path;
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
import org.springframework.http.ResponseEntity;
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
	void healthIsOpenButMigrationsNeedAUser() {
		assertThat(get("/actuator/health/readiness", null, null).getStatusCode().value()).isEqualTo(200);
		assertThat(get("/actuator/migrations", null, null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("/actuator/migrations", "operator", "wrong").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void anOperatorReadsButMayNotDowngrade() {
		ResponseEntity<String> state = get("/actuator/migrations", "operator", "operator-secret");
		assertThat(state.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(state.getBody(), "$.current")).containsExactly(HEAD);
		assertThat(downgrade(false, "operator", "operator-secret").getStatusCode().value()).isEqualTo(403);
		assertThat(this.migrations.current()).containsExactly(HEAD);
	}

	@Test
	void anAdministratorDryRunsThenDowngradesAndTheHistoryNamesThem() {
		ResponseEntity<String> dryRun = downgrade(null, "admin", "admin-secret");
		assertThat(dryRun.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<String>read(dryRun.getBody(), "$.sql")).contains("DROP TABLE posts");
		assertThat(this.migrations.current()).containsExactly(HEAD);
		ResponseEntity<String> done = downgrade(false, "admin", "admin-secret");
		assertThat(done.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(done.getBody(), "$.current")).containsExactly(TEAMS);
		assertThat(JsonPath.<String>read(done.getBody(), "$.history[0].appliedBy")).isEqualTo("admin");
		assertThat(this.jdbc.sql("SELECT applied_by FROM migration_history WHERE direction = 'downgrade'")
			.query(String.class)
			.list()).containsExactly("admin");
		ResponseEntity<String> again = downgrade(false, "admin", "admin-secret");
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.getBody(), "$.error")).isEqualTo("current_mismatch");
	}

	private ResponseEntity<String> get(String path, String user, String password) {
		return new SampleClient(this.port, user, password).get(path);
	}

	/**
	 * Down one revision from heads, or only its plan with {@code dryRun} (default: on).
	 */
	private ResponseEntity<String> downgrade(Boolean dryRun, String user, String password) {
		String body = "{\"target\": \"-1\", \"expectedCurrent\": \"" + HEAD + "\""
				+ ((dryRun != null) ? ", \"dryRun\": " + dryRun : "") + "}";
		return new SampleClient(this.port, user, password).post("/actuator/migrations", body);
	}

}
