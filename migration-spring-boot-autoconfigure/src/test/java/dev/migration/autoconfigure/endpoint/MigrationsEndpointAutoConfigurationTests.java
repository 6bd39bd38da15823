package dev.migration.autoconfigure.endpoint;

import java.security.Principal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migration.Direction;
import dev.migration.HistoryEntry;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.autoconfigure.CountingDataSource;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.MigrationsInstances;
import dev.migration.autoconfigure.SqliteContextTests;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.DowngradePlanDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.ErrorDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.RevisionDetailDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsEndpointAutoConfiguration} and the operations of
 * {@link MigrationsEndpoint}, called directly on real SQLite files.
 */
class MigrationsEndpointAutoConfigurationTests extends SqliteContextTests {

	static final String BOOKS = "e00000000001";

	static final String ISBN = "e00000000002";

	static final String AUTHORS = "e00000000003";

	static final String REVIEWS = "e00000000004";

	MigrationsEndpointAutoConfigurationTests() {
		super(MigrationsContextRunners.withDataSource(MigrationsEndpointAutoConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.locations=classpath:db/endpoint"));
	}

	@Test
	void createsTheEndpointWhenItIsExposed() {
		runner().run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "management.endpoints.web.exposure.include=health",
			"management.endpoint.migrations.access=NONE", "migrations.enabled=false" })
	void backsOffWhenTheEndpointIsNotExposedHasNoAccessOrThereAreNoMigrations(String setting) {
		runner().withPropertyValues(setting)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void namesANonTransactionalRevisionThatDidNotFinish() {
		halfDone().run((context) -> {
			assertThat(state(endpoint(context)).unfinished()).isEmpty();
			leaveUnfinished(context);
			assertUnfinishedHalf(state(endpoint(context)).unfinished());
		});
	}

	@Test
	void aReadIsOneConnectionAndOneQuery() {
		CountingDataSource counting = new CountingDataSource("jdbc:sqlite:" + this.directory.resolve("counted.db"));
		this.contextRunner.withBean(DataSource.class, counting::dataSource).run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			counting.reset();

			MigrationsDescriptor state = state(endpoint);

			assertThat(state.history()).isNotEmpty();
			assertThat(counting.connections()).isEqualTo(1);
			assertThat(counting.tableQueries()).hasSize(1);
		});
	}

	@Test
	void describesCurrentHeadsRevisionsAndHistory() {
		runner().run((context) -> {
			MigrationsDescriptor state = state(endpoint(context));
			assertThat(state.current()).containsExactly(REVIEWS);
			assertThat(state.heads()).containsExactly(REVIEWS);
			assertThat(state.upToDate()).isTrue();
			assertThat(state.pending()).isEmpty();
			assertThat(state.revisions()).extracting(RevisionDescriptor::revision)
				.containsExactly(REVIEWS, AUTHORS, ISBN, BOOKS);
			RevisionDescriptor newest = state.revisions().get(0);
			assertThat(newest.downRevisions()).containsExactly(AUTHORS);
			assertThat(newest.message()).isEqualTo("Create reviews");
			assertThat(newest.applied()).isTrue();
			assertThat(newest.head()).isTrue();
			assertThat(newest.current()).isTrue();
			assertThat(newest.reversible()).isTrue();
			assertThat(newest.checksum()).hasSize(64);
			assertThat(newest.appliedAt()).isNotNull();
			assertThat(newest.durationMs()).isNotNull();
			assertThat(state.revisions().get(2).reversible()).isFalse();
			assertThat(state.revisions().get(3).current()).isFalse();
			assertThat(state.history()).extracting((entry) -> entry.revision() + " " + entry.direction())
				.containsExactly(REVIEWS + " upgrade", AUTHORS + " upgrade", ISBN + " upgrade", BOOKS + " upgrade");
			assertThat(state.history()).allMatch((entry) -> entry.success() && entry.appliedAt() != null);
		});
	}

	@Test
	void describesAndDowngradesADatabaseThatAlembicVersioned() throws Exception {
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		// the schema at AUTHORS, made with tables of other names; then Alembic's own
		// table and row, no history
		Migrations
			.create(MigrationConfiguration.builder()
				.url(url)
				.locations("classpath:db/endpoint")
				.versionTable("scratch_version")
				.historyTable("scratch_history")
				.build())
			.upgrade(AUTHORS);
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE scratch_version");
			statement.execute("DROP TABLE scratch_history");
			statement.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
					+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
			statement.execute("INSERT INTO alembic_version VALUES ('" + AUTHORS + "')");
		}
		enabled().withPropertyValues("migrations.run-on-startup=false", "migrations.version-table=alembic_version")
			.run((context) -> {
				MigrationsDescriptor state = state(endpoint(context));
				assertThat(state.current()).containsExactly(AUTHORS);
				assertThat(state.pending()).containsExactly(REVIEWS);
				assertThat(state.history()).isEmpty();
				assertThat(state.revisions().get(1)).satisfies((authors) -> {
					assertThat(authors.revision()).isEqualTo(AUTHORS);
					assertThat(authors.applied()).isTrue();
					assertThat(authors.appliedAt()).as("applied by Alembic: no history row").isNull();
				});

				WebEndpointResponse<?> response = endpoint(context).downgrade("-1", AUTHORS, false, null,
						user("alice"));

				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(((MigrationsDescriptor) response.getBody()).current()).containsExactly(ISBN);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT version_num FROM alembic_version", String.class))
					.containsExactly(ISBN);
				assertThat(jdbc.queryForList("SELECT applied_by FROM migration_history", String.class))
					.containsExactly("alice");
			});
	}

	@Test
	void describesAPendingRevision() {
		runner().withPropertyValues("migrations.target=" + AUTHORS).run((context) -> {
			MigrationsDescriptor state = state(endpoint(context));
			assertThat(state.current()).containsExactly(AUTHORS);
			assertThat(state.upToDate()).isFalse();
			assertThat(state.pending()).containsExactly(REVIEWS);
			RevisionDescriptor pending = state.revisions().get(0);
			assertThat(pending.applied()).isFalse();
			assertThat(pending.appliedAt()).isNull();
			assertThat(pending.durationMs()).isNull();
		});
	}

	@Test
	void describesTwoHeads() {
		runner().withPropertyValues("migrations.locations=classpath:db/branches")
			.run((context) -> assertTwoHeads(state(endpoint(context))));
	}

	/** Both heads of {@code db/branches}, current and up to date. */
	static void assertTwoHeads(MigrationsDescriptor state) {
		assertThat(state.current()).containsExactlyInAnyOrder("b00000000002", "b00000000003");
		assertThat(state.heads()).containsExactlyInAnyOrder("b00000000002", "b00000000003");
		assertThat(state.upToDate()).isTrue();
		assertThat(state.revisions()).filteredOn(RevisionDescriptor::head).hasSize(2);
		assertThat(state.revisions()).filteredOn(RevisionDescriptor::current).hasSize(2);
	}

	@Test
	void describesOneRevisionByPrefixWithItsSql() {
		runner().run((context) -> {
			WebEndpointResponse<?> response = endpoint(context).revision("e00000000003", null);
			assertThat(response.getStatus()).isEqualTo(200);
			RevisionDetailDescriptor revision = (RevisionDetailDescriptor) response.getBody();
			assertThat(revision.revision()).isEqualTo(AUTHORS);
			assertThat(revision.upgradeSql()).singleElement().asString().startsWith("CREATE TABLE authors");
			assertThat(revision.downgradeSql()).containsExactly("DROP TABLE authors");
			assertThat(revision.applied()).isTrue();
		});
	}

	@Test
	void refusesAnAmbiguousOrUnknownRevision() {
		runner().run((context) -> {
			assertError(endpoint(context).revision("e0000000000", null), 400, "ambiguous_revision");
			assertError(endpoint(context).revision("ffff", null), 404, "unknown_revision");
		});
	}

	@Test
	void refusesADowngradeUnlessItIsEnabled() {
		runner().run((context) -> assertDowngradeRefused(context, "-1", REVIEWS, 403, "downgrade_disabled"));
	}

	@Test
	void refusesADowngradeWhileARevisionIsUnfinished() {
		enabled().withPropertyValues("migrations.run-on-startup=false", "migrations.locations=classpath:db/half")
			.run((context) -> {
				Migrations migrations = context.getBean(Migrations.class);
				migrations.upgrade("f00000000001");
				assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.upgrade("heads"));
				ErrorDescriptor error = assertError(
						endpoint(context).downgrade("base", "f00000000001", false, null, anonymous()), 409,
						"unfinished_revision");
				assertThat(error.message()).contains("f00000000002", "stamp f00000000001");
				assertThat(migrations.current()).containsExactly("f00000000001");
			});
	}

	@Test
	void refusesADowngradeWithoutExpectedCurrent() {
		enabled().run((context) -> {
			assertDowngradeRefused(context, "-1", null, 409, "expected_current_required");
			assertDowngradeRefused(context, "-1", " ", 409, "expected_current_required");
		});
	}

	@Test
	void refusesADowngradeWhenTheDatabaseIsNotAtExpectedCurrent() {
		enabled().run((context) -> {
			ErrorDescriptor error = assertDowngradeRefused(context, "-1", AUTHORS, 409, "current_mismatch");
			assertThat(error.message()).contains(REVIEWS);
		});
	}

	@Test
	void refusesATargetThatIsNotAnAncestor() {
		enabled().withPropertyValues("migrations.target=" + AUTHORS).run((context) -> {
			for (String target : List.of(REVIEWS, AUTHORS, "nosuchrev", " ")) {
				assertDowngradeRefused(context, target, AUTHORS, 422, "not_an_ancestor");
			}
		});
	}

	@Test
	void refusesMoreStepsThanAllowed() {
		enabled().run((context) -> {
			ErrorDescriptor error = assertDowngradeRefused(context, ISBN, REVIEWS, 422, "too_many_steps");
			assertThat(error.message()).contains("max-downgrade-steps=1").contains(REVIEWS, AUTHORS);
		});
	}

	@Test
	void refusesToPassAnIrreversibleRevision() {
		enabled().withPropertyValues("migrations.endpoint.max-downgrade-steps=10").run((context) -> {
			ErrorDescriptor error = assertDowngradeRefused(context, BOOKS, REVIEWS, 422, "irreversible_revision");
			assertThat(error.message()).contains(ISBN);
		});
	}

	@Test
	void dryRunIsTheDefaultAndReturnsTheSql() {
		enabled().run((context) -> {
			State before = State.of(context);
			WebEndpointResponse<?> response = endpoint(context).downgrade("-1", REVIEWS, null, null, anonymous());
			assertThat(response.getStatus()).isEqualTo(200);
			DowngradePlanDescriptor plan = (DowngradePlanDescriptor) response.getBody();
			assertThat(plan.dryRun()).isTrue();
			assertThat(plan.current()).containsExactly(REVIEWS);
			assertThat(plan.resultingCurrent()).containsExactly(AUTHORS);
			assertThat(plan.steps()).singleElement().satisfies((step) -> {
				assertThat(step.revision()).isEqualTo(REVIEWS);
				assertThat(step.sql()).containsExactly("DROP TABLE reviews");
			});
			assertThat(plan.sql()).contains("DROP TABLE reviews");
			assertThat(State.of(context)).isEqualTo(before);
		});
	}

	@Test
	void executesADowngradeAndRecordsThePrincipal() {
		enabled().run((context) -> {
			WebEndpointResponse<?> response = endpoint(context).downgrade("-1", REVIEWS, false, null, user("alice"));
			assertThat(response.getStatus()).isEqualTo(200);
			MigrationsDescriptor state = (MigrationsDescriptor) response.getBody();
			assertThat(state.current()).containsExactly(AUTHORS);
			assertThat(state.pending()).containsExactly(REVIEWS);
			assertThat(state.history().get(0)).satisfies((entry) -> {
				assertThat(entry.revision()).isEqualTo(REVIEWS);
				assertThat(entry.direction()).isEqualTo("downgrade");
				assertThat(entry.appliedBy()).isEqualTo("alice");
			});
			assertThat(State.of(context).tables()).doesNotContain("reviews").contains("authors");
		});
	}

	@Test
	void downgradesToBaseByIdPrefixOrBase() {
		enabled()
			.withPropertyValues("migrations.locations=classpath:db/revisions",
					"migrations.endpoint.max-downgrade-steps=2")
			.run((context) -> {
				MigrationsEndpoint endpoint = endpoint(context);
				assertThat(endpoint.downgrade("a00000000001", "a00000000002", true, null, anonymous()).getStatus())
					.isEqualTo(200);
				WebEndpointResponse<?> response = endpoint.downgrade("base", "a00000000002", false, null, anonymous());
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(((MigrationsDescriptor) response.getBody()).current()).isEmpty();
				assertThat(State.of(context).tables()).doesNotContain("things");
			});
	}

	@Test
	void exactlyOneOfTwoConcurrentDowngradesRuns() {
		enabled().run((context) -> {
			MigrationsEndpoint endpoint = endpoint(context);
			assertThat(race(endpoint, endpoint)).containsExactlyInAnyOrder(200, 409);
			assertOneDowngrade(context.getBean(Migrations.class));
		});
	}

	@Test
	void exactlyOneOfTwoReplicasDowngrades() {
		enabled().run((context) -> {
			Migrations migrations = context.getBean(Migrations.class);
			// two instances of the application: only the database's compare and set
			// stands between them
			assertThat(race(endpoint(migrations), endpoint(migrations))).containsExactlyInAnyOrder(200, 409);
			assertOneDowngrade(migrations);
		});
	}

	/** Two downgrades of the same revision released at once; their statuses. */
	static List<Integer> race(MigrationsEndpoint first, MigrationsEndpoint second) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<WebEndpointResponse<?>>> calls = new ArrayList<>();
			calls.add(executor.submit(() -> {
				start.await();
				return first.downgrade("-1", REVIEWS, false, null, user("alice"));
			}));
			calls.add(executor.submit(() -> {
				start.await();
				return second.downgrade("-1", REVIEWS, false, null, user("bob"));
			}));
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<WebEndpointResponse<?>> call : calls) {
				statuses.add(call.get(60, TimeUnit.SECONDS).getStatus());
			}
			return statuses;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void assertOneDowngrade(Migrations migrations) {
		assertThat(migrations.current()).containsExactly(AUTHORS);
		assertThat(migrations.history(10)).filteredOn((entry) -> entry.direction() == Direction.DOWNGRADE)
			.singleElement()
			.extracting(HistoryEntry::revision)
			.isEqualTo(REVIEWS);
	}

	private ApplicationContextRunner enabled() {
		return runner().withPropertyValues("migrations.endpoint.downgrade-enabled=true");
	}

	private static MigrationsEndpoint endpoint(AssertableApplicationContext context) {
		return context.getBean(MigrationsEndpoint.class);
	}

	/**
	 * A downgrade (not a dry run) that the endpoint refuses with the status and error,
	 * leaving the database as it was.
	 */
	private static ErrorDescriptor assertDowngradeRefused(AssertableApplicationContext context, String target,
			String expectedCurrent, int status, String error) {
		State before = State.of(context);
		ErrorDescriptor body = assertError(
				endpoint(context).downgrade(target, expectedCurrent, false, null, anonymous()), status, error);
		assertThat(State.of(context)).isEqualTo(before);
		return body;
	}

	private static ErrorDescriptor assertError(WebEndpointResponse<?> response, int status, String error) {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getBody()).isInstanceOf(ErrorDescriptor.class);
		ErrorDescriptor body = (ErrorDescriptor) response.getBody();
		assertThat(body.error()).isEqualTo(error);
		assertThat(body.message()).isNotBlank();
		return body;
	}

	private static SecurityContext anonymous() {
		return SecurityContext.NONE;
	}

	static SecurityContext user(String name) {
		Principal principal = () -> name;
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return principal;
			}

			@Override
			public boolean isUserInRole(String role) {
				return false;
			}

		};
	}

	/** What a refused call must leave unchanged: version rows, history and tables. */
	record State(List<String> current, long historyRows, List<String> tables) {

		static State of(AssertableApplicationContext context) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			List<String> tables = jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
					String.class);
			Long historyRows = jdbc.queryForObject("SELECT COUNT(*) FROM migration_history", Long.class);
			return new State(context.getBean(Migrations.class).current(), historyRows, tables);
		}

	}

	static MigrationsDescriptor state(MigrationsEndpoint endpoint) {
		WebEndpointResponse<?> response = endpoint.migrations(null);
		assertThat(response.getStatus()).isEqualTo(200);
		return (MigrationsDescriptor) response.getBody();
	}

	/**
	 * An endpoint of its own over the same database, as another replica of the
	 * application has.
	 */
	static MigrationsEndpoint endpoint(Migrations migrations) {
		return new MigrationsEndpoint(new MigrationsInstances(Map.of("migrations", migrations), "migrations"), true, 1,
				Redactor.patternsOnly());
	}

}
