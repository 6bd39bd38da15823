package dev.migration.sample;

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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application end to end: started on a fresh database, migrated on startup,
 * serving {@code /users}. Subclasses name the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractSampleApplicationTests {

	static final String HEAD = "d4c3f6a5b7c8";

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
	void createsAndListsUsers() {
		ResponseEntity<String> created = post("/users", "{\"username\":\"grace\",\"email\":\"grace@example.com\"}");
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(JsonPath.<Boolean>read(created.getBody(), "$.emailVerified")).isFalse();
		ResponseEntity<String> list = get("/users");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		List<String> usernames = JsonPath.read(list.getBody(), "$[*].username");
		assertThat(usernames).contains("grace");
	}

	@Test
	void refusesADuplicateUsername() {
		assertThat(post("/users", "{\"username\":\"linus\",\"email\":\"linus@example.com\"}").getStatusCode().value())
			.isEqualTo(201);
		assertThat(post("/users", "{\"username\":\"linus\",\"email\":\"other@example.com\"}").getStatusCode().value())
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
	void exposesHealth() {
		ResponseEntity<String> health = get("/actuator/health");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("UP");
	}

	@Test
	void exposesTheMigrationsEndpointReadOnly() {
		ResponseEntity<String> state = get("/actuator/migrations");
		assertThat(state.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(state.getBody(), "$.current")).containsExactly(HEAD);
		assertThat(JsonPath.<List<String>>read(state.getBody(), "$.heads")).containsExactly(HEAD);
		assertThat(JsonPath.<Boolean>read(state.getBody(), "$.upToDate")).isTrue();
		assertThat(JsonPath.<List<String>>read(state.getBody(), "$.revisions[*].revision")).containsExactly(HEAD,
				"c3d2e5f4a6b7", "b2e1d4c3f5a6", "a1f0c3d2e4b5");
		assertThat(JsonPath.<List<String>>read(state.getBody(), "$.history[*].direction")).contains("upgrade");
		ResponseEntity<String> revision = get("/actuator/migrations/d4c3");
		assertThat(JsonPath.<List<String>>read(revision.getBody(), "$.downgradeSql")).isNotEmpty();
		ResponseEntity<String> downgrade = post("/actuator/migrations",
				"{\"target\": \"-1\", \"expectedCurrent\": \"" + HEAD + "\", \"dryRun\": false}");
		assertThat(downgrade.getStatusCode().value()).isEqualTo(405);
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

	ResponseEntity<String> get(String path) {
		return new SampleClient(this.port).get(path);
	}

	ResponseEntity<String> post(String path, String json) {
		return new SampleClient(this.port).post(path, json);
	}

}
