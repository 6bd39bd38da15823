package dev.migration.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import dev.migration.autoconfigure.MigrationsSchemaCheck;
import dev.migration.test.MigrationChecks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application end to end: started on a fresh database, migrated on startup,
 * serving {@code /users}. Subclasses name the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractSampleApplicationTests {

	static final String HEAD = "d4c3f6a5b7c8";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Migrations migrations;

	@Autowired
	MigrationsSchemaCheck schemaCheck;

	@Test
	void migratesTheDatabaseToHeadOnStartup() {
		assertThat(this.migrations.current()).containsExactly(HEAD);
		assertThat(this.jdbc.sql("SELECT revision FROM migration_history WHERE direction = 'upgrade' ORDER BY id")
			.query(String.class)
			.list()).containsExactly("a1f0c3d2e4b5", "b2e1d4c3f5a6", "c3d2e5f4a6b7", HEAD);
	}

	@Test
	void theRevisionsBringTheDatabaseToTheDesiredSchema() {
		// db/schema/{vendor}.sql and the revisions describe the same tables, indexes and
		// foreign keys
		SchemaDiff diff = this.schemaCheck.check();
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void createsAndListsUsers() throws Exception {
		HttpResponse<String> created = post("/users", "{\"username\":\"grace\",\"email\":\"grace@example.com\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<Boolean>read(created.body(), "$.emailVerified")).isFalse();
		HttpResponse<String> list = get("/users");
		assertThat(list.statusCode()).isEqualTo(200);
		List<String> usernames = JsonPath.read(list.body(), "$[*].username");
		assertThat(usernames).contains("grace");
	}

	@Test
	void refusesADuplicateUsername() throws Exception {
		assertThat(post("/users", "{\"username\":\"linus\",\"email\":\"linus@example.com\"}").statusCode())
			.isEqualTo(201);
		assertThat(post("/users", "{\"username\":\"linus\",\"email\":\"other@example.com\"}").statusCode())
			.isEqualTo(409);
	}

	@Test
	void deletingATeamDeletesItsUsers() {
		this.jdbc.sql("INSERT INTO teams (name) VALUES ('core')").update();
		long team = this.jdbc.sql("SELECT id FROM teams WHERE name = 'core'").query(Long.class).single();
		this.jdbc.sql("INSERT INTO users (username, email, team_id) VALUES ('member', 'member@example.com', :team)")
			.param("team", team)
			.update();
		this.jdbc.sql("DELETE FROM teams WHERE id = :team").param("team", team).update();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = 'member'").query(Long.class).single())
			.isZero();
	}

	@Test
	void exposesHealth() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	void exposesTheMigrationsEndpointReadOnly() throws Exception {
		HttpResponse<String> state = get("/actuator/migrations");
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(state.body(), "$.current")).containsExactly(HEAD);
		assertThat(JsonPath.<List<String>>read(state.body(), "$.heads")).containsExactly(HEAD);
		assertThat(JsonPath.<Boolean>read(state.body(), "$.upToDate")).isTrue();
		assertThat(JsonPath.<List<String>>read(state.body(), "$.revisions[*].revision")).containsExactly(HEAD,
				"c3d2e5f4a6b7", "b2e1d4c3f5a6", "a1f0c3d2e4b5");
		assertThat(JsonPath.<List<String>>read(state.body(), "$.history[*].direction")).contains("upgrade");
		HttpResponse<String> revision = get("/actuator/migrations/d4c3");
		assertThat(JsonPath.<List<String>>read(revision.body(), "$.downgradeSql")).isNotEmpty();
		HttpResponse<String> downgrade = post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + HEAD + "\", \"dryRun\": false}");
		assertThat(downgrade.statusCode()).isEqualTo(405);
		assertThat(this.migrations.current()).containsExactly(HEAD);
	}

	@Test
	void revisionsPassTheMigrationChecks() {
		// the application's own configuration (locations per vendor), on an empty
		// database of the same kind
		MigrationChecks checks = MigrationChecks.forMigrations(scratchMigrations())
			.targetSchema("classpath:db/schema/{vendor}.sql");
		checks.assertSingleHead();
		checks.assertUpgradeToHeads();
		assertThat(checks.migrations().current()).containsExactly(HEAD);
		checks.assertMatchesTargetSchema();
		checks.assertUpDownConsistency();
		checks.assertDowngradeLeavesNothing();
		assertThat(checks.migrations().current()).isEmpty();
	}

	/** The sample's revisions against an empty database of the same kind. */
	abstract Migrations scratchMigrations();

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
