package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationListener;
import dev.migration.Migrations;
import dev.migration.Step;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.DowngradePlanDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.ErrorDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthIndicator;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several {@link Migrations} beans (CONTRACT §8): a SQLite file ({@code orders}) and a
 * database on the embedded PostgreSQL server ({@code customers}), each upgraded on
 * startup in bean order, each an instance of the endpoint and a component of the health
 * contributor.
 */
class SeveralMigrationsBeansTests {

	private static final String THINGS_HEAD = "a00000000002";

	private static final String BOOKS_HEAD = "e00000000004";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations",
				"migrations.endpoint.downgrade-enabled=true");

	/** Every step run, as {@code <bean name>:<revision>}, in the order they ran. */
	private final List<String> steps = new CopyOnWriteArrayList<>();

	@TempDir
	Path directory;

	private String orders;

	private PostgresDatabase customers;

	@BeforeEach
	void databases() {
		this.orders = "jdbc:sqlite:" + this.directory.resolve("orders.db");
		this.customers = PostgresDatabase.create();
	}

	@Test
	void upgradesEachBeanOnStartupInBeanOrder() {
		twoBeans().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			assertThat(context.getBean(MigrationsInitializer.class).initializer("customers").getState())
				.isEqualTo(MigrationsInitializer.State.SUCCEEDED);
			assertThat(context.getBeansOfType(Migrations.class)).containsOnlyKeys("orders", "customers");
			assertThat(this.steps).containsExactly("orders:a00000000001", "orders:a00000000002",
					"customers:e00000000001", "customers:e00000000002", "customers:e00000000003",
					"customers:e00000000004");
			assertThat(current(context, "orders")).containsExactly(THINGS_HEAD);
			assertThat(current(context, "customers")).containsExactly(BOOKS_HEAD);
		});
	}

	@Test
	void upgradesOneBeanOfYourOwnAsItUpgradesItsOwn() {
		this.contextRunner.withBean("orders", Migrations.class, () -> sqlite("classpath:db/revisions"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				assertThat(initializer.initializer("orders")).isSameAs(initializer);
				assertThat(current(context, "orders")).containsExactly(THINGS_HEAD);
				MigrationsDescriptor state = state(endpoint(context).migrations(null));
				assertThat(state.instances()).isEmpty();
				assertThat(context.getBean("migrationsHealthContributor"))
					.isInstanceOf(MigrationsHealthIndicator.class);
			});
	}

	@Test
	void beansThatUseADatabaseStartAfterEveryUpgrade() {
		twoBeans().withBean(DatabaseReader.class, () -> new DatabaseReader(this.steps)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DatabaseReader.class).stepsBefore).isEqualTo(6);
		});
	}

	@Test
	void aFailureNamesItsInstanceAndStopsTheInstancesAfterIt() {
		this.contextRunner.withBean("customers", Migrations.class, () -> postgres("classpath:db/failing"))
			.withBean("orders", Migrations.class, () -> sqlite("classpath:db/revisions"))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer(new MockEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Migrations bean 'customers'", "f00000000002");
				assertThat(analysis.getAction()).isNotBlank();
			});
		assertThat(this.steps).noneMatch((step) -> step.startsWith("orders:"));
	}

	@Test
	void refusesToStartWhileAnyInstanceHasPendingRevisions() {
		sqlite("classpath:db/revisions").upgrade("heads");
		twoBeans().withPropertyValues("migrations.run-on-startup=false", "migrations.fail-on-pending=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer(new MockEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Migrations bean 'customers'", BOOKS_HEAD)
					.doesNotContain("'orders'");
			});
	}

	@Test
	void upgradesInTheBackgroundInBeanOrderAndIsReadyAfterTheLast() {
		CountDownLatch release = new CountDownLatch(1);
		this.contextRunner.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("migrations.async=true")
			.withBean("orders", Migrations.class, () -> sqlite("classpath:db/revisions",
					MigrationsAutoConfigurationTests.revision("s00000000001", THINGS_HEAD, (operations) -> {
						release.await();
						operations.execute("CREATE TABLE slow (id INTEGER)");
					})))
			.withBean("customers", Migrations.class, () -> postgres("classpath:db/endpoint"))
			.run((context) -> {
				ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
				assertThat(this.steps).doesNotContain("customers:e00000000001");
				release.countDown();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(this.steps).containsExactly("orders:a00000000001", "orders:a00000000002",
						"orders:s00000000001", "customers:e00000000001", "customers:e00000000002",
						"customers:e00000000003", "customers:e00000000004");
			});
	}

	@Test
	void endpointAnswersForTheFirstInstanceAndNamesEveryInstance() {
		twoBeans().run((context) -> {
			MigrationsDescriptor state = state(endpoint(context).migrations(null));
			assertThat(state.current()).containsExactly(THINGS_HEAD);
			assertThat(state.instances()).containsExactly("orders", "customers");
		});
	}

	@Test
	void endpointAnswersForThePrimaryInstance() {
		this.contextRunner.withBean("orders", Migrations.class, () -> sqlite("classpath:db/revisions"))
			.withBean("customers", Migrations.class, () -> postgres("classpath:db/endpoint"),
					(definition) -> definition.setPrimary(true))
			.run((context) -> {
				MigrationsDescriptor state = state(endpoint(context).migrations(null));
				assertThat(state.current()).containsExactly(BOOKS_HEAD);
				assertThat(state.instances()).containsExactly("orders", "customers");
			});
	}

	@Test
	void endpointSelectsAnInstanceByBeanName() {
		twoBeans().run((context) -> {
			MigrationsEndpoint endpoint = endpoint(context);
			assertThat(state(endpoint.migrations("customers")).current()).containsExactly(BOOKS_HEAD);
			assertThat(state(endpoint.migrations("orders")).current()).containsExactly(THINGS_HEAD);
			assertThat(endpoint.revision("e00000000003", "customers").getStatus()).isEqualTo(200);
			assertThat(endpoint.revision("e00000000003", "orders").getStatus()).isEqualTo(404);
			WebEndpointResponse<?> plan = endpoint.downgrade("-1", BOOKS_HEAD, true, "customers", SecurityContext.NONE);
			assertThat(((DowngradePlanDescriptor) plan.getBody()).steps()).singleElement()
				.satisfies((step) -> assertThat(step.revision()).isEqualTo(BOOKS_HEAD));
			WebEndpointResponse<?> done = endpoint.downgrade("-1", BOOKS_HEAD, false, "customers",
					SecurityContext.NONE);
			assertThat(state(done).current()).containsExactly("e00000000003");
			assertThat(current(context, "orders")).containsExactly(THINGS_HEAD);
		});
	}

	@Test
	void endpointRefusesAnUnknownInstance() {
		twoBeans().run((context) -> {
			MigrationsEndpoint endpoint = endpoint(context);
			for (WebEndpointResponse<?> response : List.of(endpoint.migrations("nosuch"),
					endpoint.revision("a00000000001", "nosuch"),
					endpoint.downgrade("-1", THINGS_HEAD, false, "nosuch", SecurityContext.NONE))) {
				assertThat(response.getStatus()).isEqualTo(404);
				ErrorDescriptor error = (ErrorDescriptor) response.getBody();
				assertThat(error.error()).isEqualTo("unknown_instance");
				assertThat(error.message()).contains("nosuch", "orders, customers");
			}
			assertThat(current(context, "orders")).containsExactly(THINGS_HEAD);
		});
	}

	@Test
	void healthHasOneComponentPerInstance() {
		twoBeans().run((context) -> {
			CompositeHealthContributor health = context.getBean("migrationsHealthContributor",
					CompositeHealthContributor.class);
			assertThat(health.stream().map((entry) -> entry.name())).containsExactly("orders", "customers");
			context.getBean("customers", Migrations.class).downgrade("-1");
			Health orders = ((HealthIndicator) health.getContributor("orders")).health();
			Health customers = ((HealthIndicator) health.getContributor("customers")).health();
			assertThat(orders.getStatus()).isEqualTo(Status.UP);
			assertThat(orders.getDetails()).containsEntry("current", List.of(THINGS_HEAD))
				.containsEntry("startup", "succeeded");
			assertThat(customers.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(customers.getDetails()).containsEntry("pending", List.of(BOOKS_HEAD));
		});
	}

	private ApplicationContextRunner twoBeans() {
		return this.contextRunner.withBean("orders", Migrations.class, () -> sqlite("classpath:db/revisions"))
			.withBean("customers", Migrations.class, () -> postgres("classpath:db/endpoint"));
	}

	private Migrations sqlite(String location, JavaRevision... revisions) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(this.orders)
			.locations(location)
			.javaRevisions(revisions)
			.listeners(recording("orders"))
			.build());
	}

	private Migrations postgres(String location) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(this.customers.url())
			.user(this.customers.user())
			.password(this.customers.password())
			.locations(location)
			.listeners(recording("customers"))
			.build());
	}

	private MigrationListener recording(String instance) {
		return new MigrationListener() {

			@Override
			public void stepStarted(Step step) {
				SeveralMigrationsBeansTests.this.steps.add(instance + ":" + step.revision());
			}

		};
	}

	private static List<String> current(AssertableApplicationContext context, String instance) {
		return context.getBean(instance, Migrations.class).current();
	}

	private static MigrationsEndpoint endpoint(AssertableApplicationContext context) {
		return context.getBean(MigrationsEndpoint.class);
	}

	private static MigrationsDescriptor state(WebEndpointResponse<?> response) {
		assertThat(response.getStatus()).isEqualTo(200);
		return (MigrationsDescriptor) response.getBody();
	}

	/**
	 * A bean that uses the databases, as a repository does: it must see every upgrade
	 * done.
	 */
	@DependsOnDatabaseInitialization
	static final class DatabaseReader {

		final int stepsBefore;

		DatabaseReader(List<String> steps) {
			this.stepsBefore = steps.size();
		}

	}

}
