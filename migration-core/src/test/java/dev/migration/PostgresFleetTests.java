package dev.migration;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migration.FleetResult.State;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.UpgradeMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema per tenant on one PostgreSQL database: 50 tenants, each on its own connection,
 * lock and version table, with unqualified revisions landing in each tenant's schema.
 */
class PostgresFleetTests {

	static final int TENANTS = 50;

	@TempDir
	static Path revisions;

	static PostgresDatabase database;

	@BeforeAll
	static void tenants() throws Exception {
		database = PostgresDatabase.create();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (int tenant = 1; tenant <= TENANTS; tenant++) {
				statement.execute("CREATE SCHEMA " + tenant(tenant));
			}
			statement.execute("CREATE SCHEMA other_1");
		}
		write("a00000000001_accounts.sql", "a00000000001", "none", "CREATE TABLE accounts (id INT PRIMARY KEY);",
				"DROP TABLE accounts;");
		write("a00000000002_invoices.sql", "a00000000002", "a00000000001",
				"CREATE TABLE invoices (id INT PRIMARY KEY, account_id INT REFERENCES accounts (id));",
				"DROP TABLE invoices;");
	}

	static String tenant(int number) {
		return "tenant_%02d".formatted(number);
	}

	static void write(String file, String id, String down, String upgrade, String downgrade) throws IOException {
		Files.writeString(revisions.resolve(file), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n-- message: " + file + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n");
	}

	static Fleet fleet(MigrationListener... listeners) {
		return Fleet.of(Migrations.create(MigrationConfiguration.builder()
			.url(database.url())
			.user(database.user())
			.password(database.password())
			.locations("filesystem:" + revisions)
			.listeners(listeners)
			.build()));
	}

	@Test
	void everyTenantIsUpgradedInItsOwnSchemaAndABrokenOneFailsAlone() {
		String broken = tenant(17);
		database.execute("CREATE SCHEMA broken_state");
		database.execute("CREATE TABLE " + broken + ".invoices (id INT)");
		Map<String, AtomicInteger> steps = new ConcurrentHashMap<>();
		Fleet fleet = fleet().parallelism(4);
		List<FleetTarget> targets = fleet.schemas("tenant_%");
		assertThat(targets).hasSize(TENANTS).first().hasToString("tenant_01");

		FleetResult<MigrationResult> result = fleet.run(targets,
				(target) -> fleet.migrations(target, List.of(new MigrationListener() {
					@Override
					public void stepSucceeded(Step step, java.time.Duration duration) {
						steps.computeIfAbsent(target.name(), (name) -> new AtomicInteger()).incrementAndGet();
					}
				})).upgrade("heads"));

		assertThat(result.summary(false)).isEqualTo("50 schemas: 49 ok, 1 failed");
		assertThat(result.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.target().name()).isEqualTo(broken);
			assertThat(failure.failure()).hasMessageContaining("a00000000002").hasMessageContaining("invoices");
		});
		for (int tenant = 1; tenant <= TENANTS; tenant++) {
			String schema = tenant(tenant);
			List<String> tables = database
				.queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename", schema);
			List<String> version = database.queryStrings("SELECT version_num FROM " + schema + ".migration_version");
			if (schema.equals(broken)) {
				assertThat(version).containsExactly("a00000000001");
				continue;
			}
			assertThat(tables).as(schema)
				.containsExactly("accounts", "invoices", "migration_history", "migration_version");
			assertThat(version).as(schema).containsExactly("a00000000002");
			assertThat(steps.get(schema)).as(schema).hasValue(2);
		}
		assertThat(database.count("SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'other_1')")).isZero();

		// again: everything is at head except the broken tenant, which fails the same way
		FleetResult<MigrationResult> again = fleet.upgrade(targets, "heads");
		assertThat(again.summary(false)).isEqualTo("50 schemas: 49 ok, 1 failed");
		assertThat(again.outcomes().get(0).value().steps()).isEmpty();

		database.execute("DROP TABLE " + broken + ".invoices");
		assertThat(fleet.upgrade(targets, "heads").summary(false)).isEqualTo("50 schemas: 50 ok, 0 failed");
		FleetResult<MigrationResult> down = fleet.run(targets, (target) -> fleet.migrations(target).downgrade("base"));
		assertThat(down.isSuccess()).isTrue();
		assertThat(database.count("SELECT count(*) FROM pg_tables WHERE tablename IN ('accounts', 'invoices') "
				+ "AND schemaname LIKE 'tenant%'"))
			.isZero();
	}

	@Test
	void eachWorkerThreadKeepsOneLockSessionFromSchemaToSchemaAndEndsItWithTheRun() {
		for (int schema = 1; schema <= 12; schema++) {
			database.execute("CREATE SCHEMA kept_" + schema);
		}
		Set<String> lockSessions = ConcurrentHashMap.newKeySet();
		Fleet fleet = fleet(new MigrationListener() {
			@Override
			public void stepStarted(Step step) {
				lockSessions.addAll(advisoryLockHolders());
			}
		}).parallelism(2);

		assertThat(fleet.upgrade(fleet.schemas("kept\\_%"), "heads").summary(false))
			.isEqualTo("12 schemas: 12 ok, 0 failed");

		assertThat(lockSessions).as("backends that held a schema's lock").hasSizeBetween(1, 2);
		assertThat(advisoryLockHolders()).isEmpty();
		// the server ends the run's closed sessions soon after
		database.awaitNone("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND pid <> pg_backend_pid()");
	}

	@Test
	void aKeptLockSessionHoldsOnlyTheLockOfTheSchemaItMigratesAndAnotherProcessWaitsForThatOne() throws Exception {
		for (int schema = 1; schema <= 3; schema++) {
			database.execute("CREATE SCHEMA reuse_" + schema);
		}
		CountDownLatch inSecond = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Map<String, List<String>> holders = new ConcurrentHashMap<>();
		Fleet fleet = fleet().parallelism(1);
		CompletableFuture<FleetResult<MigrationResult>> running = CompletableFuture.supplyAsync(() -> fleet
			.run(fleet.schemas("reuse\\_%"), (target) -> fleet.migrations(target, List.of(new MigrationListener() {
				@Override
				public void stepStarted(Step step) {
					holders.putIfAbsent(target.name(), advisoryLockHolders());
					if (target.name().equals("reuse_2")) {
						inSecond.countDown();
						await(release);
					}
				}
			})).upgrade("heads")));
		try {
			assertThat(inSecond.await(60, TimeUnit.SECONDS)).isTrue();
			// reuse_1 is done: its lock is released, though its session goes on with
			// reuse_2
			assertThat(holders.get("reuse_1")).hasSize(1);
			assertThat(advisoryLockHolders()).isEqualTo(holders.get("reuse_1"));

			Path output = Files.createTempFile(revisions, "second", ".log");
			Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), UpgradeMain.class.getName(), database.url(),
					database.user(), database.password(), "filesystem:" + revisions, "reuse_2", "300")
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(Files.readString(output)).contains("Timed out after 300 ms")
				.contains("backend pid " + holders.get("reuse_1").get(0))
				.doesNotContain("applied ");
		}
		finally {
			release.countDown();
		}
		assertThat(running.get(60, TimeUnit.SECONDS).summary(false)).isEqualTo("3 schemas: 3 ok, 0 failed");
		assertThat(database.queryStrings("SELECT revision FROM reuse_2.migration_history"))
			.containsExactly("a00000000001", "a00000000002");
	}

	/** The backends that hold an advisory lock on this database now. */
	static List<String> advisoryLockHolders() {
		// objsubid 1: a migration lock (a lock session's own liveness lock has 2)
		return database.queryStrings(
				"SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 " + "AND granted "
						+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1");
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aPooledConnectionGetsItsSearchPathBack() throws Exception {
		database.execute("CREATE SCHEMA pooled_1");
		database.execute("CREATE SCHEMA pooled_2");
		try (Connection physical = database.connect()) {
			physical.createStatement().execute("SET search_path TO other_1, public");
			// what a pool hands out: the same session each time, and close() gives it
			// back instead of ending it
			Connection borrowed = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, arguments) -> method.getName().equals("close")
							? null : method.invoke(physical, arguments));
			DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { DataSource.class },
					(proxy, method, arguments) -> method.getName().equals("getConnection") ? borrowed : null);
			Fleet fleet = Fleet
				.of(Migrations.create(
						MigrationConfiguration.builder().dataSource(pool).locations("filesystem:" + revisions).build()))
				.parallelism(1);

			assertThat(fleet.upgrade(fleet.schemas("pooled_%"), "heads").summary(false))
				.isEqualTo("2 schemas: 2 ok, 0 failed");

			try (ResultSet path = physical.createStatement().executeQuery("SHOW search_path")) {
				path.next();
				assertThat(path.getString(1)).isEqualTo("other_1, public");
			}
		}
		assertThat(database.queryStrings("SELECT schemaname FROM pg_tables WHERE tablename = 'invoices' "
				+ "AND schemaname LIKE 'pooled%' ORDER BY 1"))
			.containsExactly("pooled_1", "pooled_2");
	}

	@Test
	void failFastStartsNoTargetAfterTheFirstFailure() {
		Fleet fleet = fleet().parallelism(1).failFast(true);
		List<FleetTarget> targets = fleet.schemas("tenant_01, tenant_02, tenant_03, tenant_04");
		FleetResult<String> result = fleet.run(targets, (target) -> {
			if (target.name().equals("tenant_02")) {
				throw new MigrationException("tenant_02 is broken");
			}
			return target.name();
		});
		assertThat(result.outcomes()).extracting(FleetResult.Outcome::state)
			.containsExactly(State.SUCCEEDED, State.FAILED, State.NOT_STARTED, State.NOT_STARTED);
		assertThat(result.summary(false)).isEqualTo("4 schemas: 1 ok, 1 failed");
		assertThat(result.isSuccess()).isFalse();

		FleetResult<String> without = fleet.failFast(false).run(targets, (target) -> {
			if (target.name().equals("tenant_02")) {
				throw new MigrationException("tenant_02 is broken");
			}
			return target.name();
		});
		assertThat(without.summary(false)).isEqualTo("4 schemas: 3 ok, 1 failed");
	}

	@Test
	void noMoreThanTheParallelismRunAtOnce() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Fleet fleet = fleet().parallelism(3);
		FleetResult<Long> result = fleet.run(fleet.schemas("tenant_%"), (target) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				// a real round trip on the target's own connection while others run
				return (long) fleet.migrations(target).current().size();
			}
			finally {
				running.decrementAndGet();
			}
		});
		assertThat(result.succeeded()).isEqualTo(TENANTS);
		assertThat(most.get()).isBetween(1, 3);
	}

	@Test
	void schemaListsAreNamesAndLikePatternsInNameOrder() {
		Fleet fleet = fleet();
		assertThat(fleet.schemas("other_1, tenant_1%, tenant_03")).extracting(FleetTarget::name)
			.containsExactly("other_1", "tenant_03", "tenant_10", "tenant_11", "tenant_12", "tenant_13", "tenant_14",
					"tenant_15", "tenant_16", "tenant_17", "tenant_18", "tenant_19");
		assertThat(fleet.schemas("nomatch_%")).isEmpty();
		assertThat(fleet.schemas("%")).extracting(FleetTarget::name)
			.contains("public", "other_1")
			.doesNotContain("pg_catalog", "information_schema", "pg_toast");
		// a plain name is literal: the _ of other_1 is no wildcard
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> fleet.schemas("otherX1, missing"))
			.withMessageContaining("otherX1, missing do not exist")
			.withMessageContaining("Nothing was run");
	}

}
