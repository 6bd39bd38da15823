package dev.migration.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.MigrationsInstances;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.schemas=tenant_%} over real HTTP on the embedded PostgreSQL: each
 * tenant schema is an instance of the endpoint and a component of the health.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always", "migrations.schemas=tenant_%",
				"migrations.parallelism=2" })
class SchemaPerTenantWebTests extends HttpApplicationTests {

	private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d", "tenant_e");

	@Autowired
	MigrationsInstances instances;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		PostgresDatabase database = MigrationsContextRunners.postgres(registry);
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement()) {
			for (String tenant : TENANTS) {
				statement.execute("CREATE SCHEMA " + tenant);
			}
		}
	}

	@BeforeEach
	void backToHeads() {
		this.instances.byName().values().forEach((tenant) -> tenant.upgrade("heads"));
	}

	@Test
	void namesEverySchemaAndAnswersForOne() throws Exception {
		this.instances.get("tenant_b").downgrade("-1");
		HttpResponse<String> first = this.http.get("/actuator/migrations");
		HttpResponse<String> tenantB = this.http.get("/actuator/migrations?instance=tenant_b");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.instances")).containsExactlyElementsOf(TENANTS);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.current")).containsExactly("a00000000002");
		assertThat(tenantB.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(tenantB.body(), "$.current")).containsExactly("a00000000001");
		assertThat(JsonPath.<List<String>>read(tenantB.body(), "$.pending")).containsExactly("a00000000002");
	}

	@Test
	void healthHasOneComponentPerSchema() throws Exception {
		this.instances.get("tenant_c").downgrade("-1");
		HttpResponse<String> response = this.http.get("/actuator/health");
		String migrations = "$.components.migrations";
		assertThat(JsonPath.<Map<String, Object>>read(response.body(), migrations + ".components"))
			.containsOnlyKeys(TENANTS);
		assertThat(JsonPath.<String>read(response.body(), migrations + ".components.tenant_a.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(response.body(), migrations + ".components.tenant_c.status"))
			.isEqualTo("OUT_OF_SERVICE");
		assertThat(JsonPath.<String>read(response.body(), migrations + ".status")).isEqualTo("OUT_OF_SERVICE");
	}

}
