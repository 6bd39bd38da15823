package dev.migration.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migration.JavaRevision;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migration.autoconfigure.metrics.MigrationsMetricsAutoConfiguration;
import dev.migration.support.PostgresDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema per tenant in Spring (CONTRACT §8): {@code migrations.schemas=tenant_%} upgrades
 * every tenant schema of one embedded PostgreSQL database on startup, several at once,
 * and each schema is an instance of the endpoint and a component of the health.
 */
class SchemaPerTenantTests {

	private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d", "tenant_e",
			"tenant_f");

	private static final String HEAD = "a00000000002";

	private PostgresDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void tenants() throws SQLException {
		this.database = PostgresDatabase.create();
		List<String> schemas = new ArrayList<>(TENANTS);
		// matches no pattern: must stay untouched
		schemas.add("other");
		for (String schema : schemas) {
			execute("CREATE SCHEMA " + schema);
		}
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
					MigrationsHealthContributorAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.url=" + this.database.url(), "migrations.user=" + this.database.user(),
					"migrations.password=" + this.database.password(), "migrations.schemas=tenant_%");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void upgradesEveryTenantSchemaOnStartup(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			for (String tenant : TENANTS) {
				assertThat(tables(tenant)).as(tenant)
					.containsExactly("migration_history", "migration_version", "things");
				assertThat(versions(tenant)).as(tenant).containsExactly(HEAD);
				assertThat(columns(tenant)).as(tenant).contains("colour");
			}
			assertThat(tables("other")).isEmpty();
			assertThat(tables("public")).isEmpty();
			assertThat(output).contains("[tenant_b] Running upgrade <base> -> a00000000001, Create things",
					"schema tenant_f is at revision " + HEAD, "6 schemas: 6 ok, 0 failed");
		});
	}

	@Test
	void upgradesAtMostParallelismSchemasAtOnce() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch together = new CountDownLatch(3);
		this.contextRunner.withPropertyValues("migrations.parallelism=3")
			.withBean(JavaRevision.class,
					() -> MigrationsAutoConfigurationTests.revision("s00000000001", HEAD, (operations) -> {
						most.accumulateAndGet(running.incrementAndGet(), Math::max);
						together.countDown();
						// the first three meet here, which only three at once can do
						boolean met = together.await(30, TimeUnit.SECONDS);
						running.decrementAndGet();
						assertThat(met).isTrue();
					}))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(most.get()).isEqualTo(3);
				for (String tenant : TENANTS) {
					assertThat(versions(tenant)).as(tenant).containsExactly("s00000000001");
				}
			});
	}

	@Test
	void endpointNamesEverySchemaAndAnswersForOne() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			context.getBean(MigrationsInstances.class).get("tenant_b").downgrade("-1");
			MigrationsDescriptor first = state(endpoint.migrations(null));
			assertThat(first.instances()).containsExactlyElementsOf(TENANTS);
			assertThat(first.current()).containsExactly(HEAD);
			assertThat(state(endpoint.migrations("tenant_b")).current()).containsExactly("a00000000001");
			assertThat(state(endpoint.migrations("tenant_c")).current()).containsExactly(HEAD);
			assertThat(endpoint.migrations("other").getStatus()).isEqualTo(404);
		});
	}

	@Test
	void healthHasOneComponentPerSchema() {
		this.contextRunner.run((context) -> {
			CompositeHealthContributor health = context.getBean("migrationsHealthContributor",
					CompositeHealthContributor.class);
			assertThat(health.stream().map((entry) -> entry.name())).containsExactlyElementsOf(TENANTS);
			context.getBean(MigrationsInstances.class).get("tenant_d").downgrade("-1");
			Health tenantA = ((HealthIndicator) health.getContributor("tenant_a")).health();
			Health tenantD = ((HealthIndicator) health.getContributor("tenant_d")).health();
			assertThat(tenantA.getStatus()).isEqualTo(Status.UP);
			assertThat(tenantA.getDetails()).containsEntry("startup", "succeeded");
			assertThat(tenantD.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(tenantD.getDetails()).containsEntry("pending", List.of(HEAD));
		});
	}

	@Test
	void gaugesPendingRevisionsPerSchema() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(MigrationsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				context.getBean(MigrationsInstances.class).get("tenant_b").downgrade("base");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("migrations.pending").tag("instance", "tenant_b").gauge().value()).isEqualTo(2);
				assertThat(registry.get("migrations.pending").tag("instance", "tenant_a").gauge().value()).isZero();
				assertThat(registry.get("migrations.pending").gauges()).hasSize(TENANTS.size());
			});
	}

	@Test
	void aBrokenSchemaFailsTheStartNamingItWhileTheOthersAreUpgraded() throws SQLException {
		execute("CREATE TABLE tenant_c.things (id INTEGER)");
		execute("CREATE TABLE tenant_e.things (id INTEGER)");
		this.contextRunner.withPropertyValues("migrations.parallelism=2").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("6 schemas: 4 ok, 2 failed (tenant_c, tenant_e)",
					"[tenant_c]", "[tenant_e]", "a00000000001", "already exists");
			assertThat(analysis.getAction()).contains("[tenant_c] Fix revision a00000000001");
		});
		for (String tenant : List.of("tenant_a", "tenant_b", "tenant_d", "tenant_f")) {
			assertThat(versions(tenant)).as(tenant).containsExactly(HEAD);
		}
		assertThat(versions("tenant_c")).isEmpty();
	}

	@Test
	void aListThatMatchesNoSchemaFailsTheStart() {
		this.contextRunner.withPropertyValues("migrations.schemas=customer_%").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("migrations.schemas 'customer_%' matches no schema");
		});
	}

	private static MigrationsDescriptor state(WebEndpointResponse<?> response) {
		assertThat(response.getStatus()).isEqualTo(200);
		return (MigrationsDescriptor) response.getBody();
	}

	private List<String> tables(String schema) throws SQLException {
		return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1", schema);
	}

	private List<String> columns(String schema) throws SQLException {
		return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
				+ "AND table_name = 'things' ORDER BY 1", schema);
	}

	private List<String> versions(String schema) throws SQLException {
		if (!tables(schema).contains("migration_version")) {
			return List.of();
		}
		return strings("SELECT version_num FROM " + schema + ".migration_version", null);
	}

	private List<String> strings(String sql, String parameter) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.url(), this.database.user(), this.database.password());
	}

}
