package dev.migration.autoconfigure.endpoint;

import java.util.List;

import javax.sql.DataSource;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.DowngradePlanDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.ErrorDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfigurationTests.assertTwoHeads;
import static dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfigurationTests.endpoint;
import static dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfigurationTests.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint on a real PostgreSQL server (embedded binaries, no Docker), one new
 * database per test.
 */
class MigrationsEndpointPostgresTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations",
				"migrations.locations=classpath:db/endpoint", "migrations.endpoint.downgrade-enabled=true");

	private ApplicationContextRunner runner;

	@BeforeEach
	void database() {
		this.runner = this.contextRunner.withPropertyValues("spring.datasource.url=" + PostgresDatabase.create().url(),
				"spring.datasource.username=postgres", "spring.datasource.password=postgres");
	}

	@Test
	void describesAPendingRevision() {
		this.runner.withPropertyValues("migrations.target=e00000000003").run((context) -> {
			MigrationsDescriptor state = state(context.getBean(MigrationsEndpoint.class));
			assertThat(state.current()).containsExactly("e00000000003");
			assertThat(state.heads()).containsExactly("e00000000004");
			assertThat(state.upToDate()).isFalse();
			assertThat(state.pending()).containsExactly("e00000000004");
			assertThat(state.revisions()).extracting(RevisionDescriptor::applied)
				.containsExactly(false, true, true, true);
			assertThat(state.history()).hasSize(3).allMatch((entry) -> "upgrade".equals(entry.direction()));
			assertThat(state.history().get(0).appliedBy()).isEqualTo("postgres");
		});
	}

	@Test
	void describesTwoHeads() {
		this.runner.withPropertyValues("migrations.locations=classpath:db/branches")
			.run((context) -> assertTwoHeads(state(context.getBean(MigrationsEndpoint.class))));
	}

	@Test
	void refusesARelativeOrTooLongDowngradeFromTwoHeads() {
		this.runner.withPropertyValues("migrations.locations=classpath:db/branches").run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			String current = "b00000000003,b00000000002";
			assertThat(endpoint.downgrade("b00000000001", current, true, null, SecurityContext.NONE))
				.satisfies((response) -> assertThat(response.getStatus()).isEqualTo(422))
				.extracting((response) -> ((ErrorDescriptor) response.getBody()).error())
				.isEqualTo("too_many_steps");
			assertThat(endpoint.downgrade("-1", current, true, null, SecurityContext.NONE).getStatus()).isEqualTo(422);
			assertThat(context.getBean(Migrations.class).current()).hasSize(2);
		});
	}

	@Test
	void downgradesBothHeadsWhenAllowed() {
		this.runner
			.withPropertyValues("migrations.locations=classpath:db/branches",
					"migrations.endpoint.max-downgrade-steps=2")
			.run((context) -> {
				WebEndpointResponse<?> response = context.getBean(MigrationsEndpoint.class)
					.downgrade("b00000000001", "b00000000002,b00000000003", false, null, SecurityContext.NONE);
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(((MigrationsDescriptor) response.getBody()).current()).containsExactly("b00000000001");
				assertThat(tables(new JdbcTemplate(context.getBean(DataSource.class)))).contains("root_table")
					.doesNotContain("left_table", "right_table");
			});
	}

	@Test
	void dryRunReturnsTheSqlAndChangesNothing() {
		this.runner.run((context) -> {
			WebEndpointResponse<?> response = context.getBean(MigrationsEndpoint.class)
				.downgrade("-1", "e00000000004", null, null, SecurityContext.NONE);
			assertThat(response.getStatus()).isEqualTo(200);
			DowngradePlanDescriptor plan = (DowngradePlanDescriptor) response.getBody();
			assertThat(plan.sql()).contains("DROP TABLE reviews").contains("BEGIN;").contains("COMMIT;");
			assertThat(context.getBean(Migrations.class).current()).containsExactly("e00000000004");
			assertThat(tables(new JdbcTemplate(context.getBean(DataSource.class)))).contains("reviews");
		});
	}

	@Test
	void exactlyOneOfTwoReplicasDowngradesAndTheHistoryNamesThePrincipal() {
		this.runner.run((context) -> {
			Migrations migrations = context.getBean(Migrations.class);
			List<Integer> statuses = MigrationsEndpointAutoConfigurationTests.race(endpoint(migrations),
					endpoint(migrations));
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(tables(jdbc)).doesNotContain("reviews").contains("authors");
			assertThat(jdbc.queryForList("SELECT applied_by FROM migration_history WHERE direction = 'downgrade'",
					String.class))
				.singleElement()
				.isIn("alice", "bob");
		});
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
				String.class);
	}

}
