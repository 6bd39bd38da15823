package dev.migration;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a SQL step costs on PostgreSQL, counted on a real server: its statements, its
 * version row and its history row go in one round trip, then the commit; nothing else per
 * step. A fleet of a thousand schemas pays each round trip twenty thousand times.
 */
class PostgresStepRoundTripTests {

	private static final Set<String> WAITING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch", "commit", "rollback");

	@TempDir
	Path revisions;

	private final PostgresDatabase database = PostgresDatabase.create();

	private final AtomicInteger roundTrips = new AtomicInteger();

	private final AtomicInteger commits = new AtomicInteger();

	/** The requests the server refused. */
	private final AtomicInteger failures = new AtomicInteger();

	/** The SQL the client sent, in order. */
	private final List<String> sent = new CopyOnWriteArrayList<>();

	@Test
	void aSqlStepIsOneRoundTripForItsStatementsItsRowsAndItsCommit() throws Exception {
		writeRevisions(20);
		int ten = upgradeCountingRoundTrips(PostgresDatabase.create(), "r0000000010");
		int twenty = upgradeCountingRoundTrips(PostgresDatabase.create(), "heads");
		// the same fixed cost per command (lock, reads, tables); ten steps more
		assertThat(twenty - ten).isEqualTo(10);
	}

	@Test
	void aFreshDatabaseGetsItsTablesInTheFirstStepsTransactionOneCommitPerStep() throws Exception {
		writeRevisions(3);
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.dataSource(countingDataSource(this.database))
			.locations("filesystem:" + this.revisions)
			.build());
		this.commits.set(0);
		migrations.upgrade("heads");
		// each commit waits for a WAL flush: none of its own for the two tables
		assertThat(this.commits.get()).isEqualTo(3);
		assertThat(historyOf("public")).containsExactly("r0000000001 true", "r0000000002 true", "r0000000003 true");
	}

	@Test
	void aFirstStepThatFailsStillLeavesItsFailureInTheHistory() throws Exception {
		writeRevision(1, "CREATE TABLE t_1 (id INT);\nCREATE TABLE t_1 (id INT);");
		Migrations migrations = migrations("public");
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("already exists")
			.withMessageContaining("the database is still at base");
		assertThat(migrations.current()).isEmpty();
		assertThat(tableExists("public", "t_1")).isFalse();
		assertThat(historyOf("public")).containsExactly("r0000000001 false");
	}

	@Test
	void theTablesOfASchemaThatExistsComeWithoutCreateSchema() throws Exception {
		writeRevisions(2);
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA tenant_a");
		}
		this.sent.clear();
		migrations("tenant_a").upgrade("heads");
		// a fleet's schemas exist: the server need not look for the schema again
		assertThat(this.sent).noneMatch((sql) -> sql.contains("CREATE SCHEMA"));
		assertThat(historyOf("tenant_a")).containsExactly("r0000000001 true", "r0000000002 true");
	}

	@Test
	void aSchemaThatDoesNotExistIsCreatedWithItsTables() throws Exception {
		writeRevisions(2);
		this.sent.clear();
		migrations("tenant_b").upgrade("heads");
		assertThat(this.sent).filteredOn((sql) -> sql.contains("CREATE SCHEMA"))
			.containsExactly("CREATE SCHEMA IF NOT EXISTS \"tenant_b\"");
		assertThat(historyOf("tenant_b")).containsExactly("r0000000001 true", "r0000000002 true");
	}

	@Test
	void eachStepChecksTheLockByTheLockSessionsOwnAdvisoryLock() throws Exception {
		writeRevisions(2);
		this.sent.clear();
		migrations("guarded").upgrade("heads");
		// looking the session up among the server's backends copied every backend's
		// status, once per step
		assertThat(this.sent).noneMatch((sql) -> sql.contains("pg_stat_get_activity"));
		assertThat(this.sent).filteredOn((sql) -> sql.startsWith("EXECUTE migration_guard_")).hasSize(2);
	}

	@Test
	void theServerParsesAndPlansTheLockCheckOncePerCommand() throws Exception {
		writeRevisions(20);
		this.sent.clear();
		migrations("checked").upgrade("heads");
		// the check written out is parsed and planned each time; prepared, once
		assertThat(this.sent).filteredOn((sql) -> sql.contains("pg_try_advisory_xact_lock_shared("))
			.hasSize(1)
			.allMatch((sql) -> sql.startsWith("PREPARE migration_guard_"));
		assertThat(this.sent).filteredOn((sql) -> sql.startsWith("EXECUTE migration_guard_")).hasSize(20);
		assertThat(historyOf("checked")).hasSize(20).allMatch((row) -> row.endsWith(" true"));
	}

	@Test
	void aStepWritesItsVersionRowAndItsHistoryRowInOneStatement() throws Exception {
		writeRevisions(3);
		this.sent.clear();
		migrations("merged").upgrade("heads");
		// the history row is inserted once per version row written: the statement's
		// count is the version row's (the first step's inserts the version row, the
		// later ones run one prepared statement)
		assertThat(this.sent).filteredOn((sql) -> sql.contains("\"merged\".\"migration_history\" (revision"))
			.hasSize(2)
			.allMatch((sql) -> sql.startsWith("WITH v AS (")
					|| sql.matches("(?s)PREPARE \\w+\\(.*\\) AS WITH v AS \\(.*"));
		assertThat(this.sent).filteredOn((sql) -> sql.startsWith("EXECUTE migration_step_")).hasSize(2);
		assertThat(this.sent).noneMatch((sql) -> sql.startsWith("UPDATE \"merged\".\"migration_version\""));
		// checked on the server, the rows are followed by the commit in the same batch
		assertThat(this.sent).filteredOn("COMMIT"::equals).hasSize(3);
		assertThat(historyOf("merged")).containsExactly("r0000000001 true", "r0000000002 true", "r0000000003 true");
		migrations("merged").downgrade("base");
		assertThat(migrations("merged").current()).isEmpty();
		assertThat(historyOf("merged")).hasSize(6).endsWith("r0000000001 true");
	}

	@Test
	void theServerParsesAndPlansTheRowsOfAStraightLinesStepsOncePerCommand() throws Exception {
		writeRevisions(20);
		this.sent.clear();
		migrations("prepared").upgrade("heads");
		// a statement written out with its values is parsed and planned each time: the
		// first step's (it inserts the version row), and one prepared for the other 19
		assertThat(this.sent).filteredOn((sql) -> sql.contains("INSERT INTO \"prepared\".\"migration_history\""))
			.hasSize(2);
		assertThat(this.sent).filteredOn((sql) -> sql.startsWith("PREPARE migration_step_")).hasSize(1);
		assertThat(this.sent).filteredOn((sql) -> sql.startsWith("EXECUTE migration_step_")).hasSize(19);
		assertThat(historyOf("prepared")).hasSize(20).allMatch((row) -> row.endsWith(" true"));
		assertThat(migrations("prepared").current()).containsExactly("r0000000020");
	}

	@Test
	void aRevisionThatDropsThePreparedStatementsStopsTheNextStepBeforeItRunsSayingWhy() throws Exception {
		writeRevisions(1);
		writeRevision(2, "DEALLOCATE ALL;\nCREATE TABLE t_2 (id INT);");
		writeRevision(3, "CREATE TABLE t_3 (id INT);");
		Migrations migrations = migrations("dropped");
		assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("lost the prepared check of the migration lock")
			.withMessageContaining("Stopped before upgrade of r0000000003, before its first statement; the database "
					+ "is at r0000000002")
			.withMessageContaining("DEALLOCATE ALL");
		assertThat(migrations.current()).containsExactly("r0000000002");
		assertThat(tableExists("public", "t_3")).isFalse();
		// the next command prepares its own
		migrations.upgrade("heads");
		assertThat(migrations.current()).containsExactly("r0000000003");
	}

	@Test
	void aPooledConnectionKeepsNoPreparedStatementAndServesTheNextCommand() throws Exception {
		writeRevisions(4);
		try (Connection pooled = this.database.connect()) {
			Migrations migrations = Migrations.create(MigrationConfiguration.builder()
				.dataSource(singleConnection(pooled))
				.schema("pooled")
				.locations("filesystem:" + this.revisions)
				.build());
			migrations.upgrade("r0000000002");
			assertThat(preparedStatements(pooled)).isZero();
			// the next command on the same session prepares its own
			migrations.upgrade("heads");
			assertThat(preparedStatements(pooled)).isZero();
			assertThat(migrations.current()).containsExactly("r0000000004");
		}
		assertThat(historyOf("pooled")).containsExactly("r0000000001 true", "r0000000002 true", "r0000000003 true",
				"r0000000004 true");
	}

	@Test
	void aFleetOfNewSchemasAsksForTheirTablesWithoutFailingAndOnceUnderTheLock() throws Exception {
		writeRevisions(2);
		List<FleetTarget> targets = new ArrayList<>();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (int tenant = 1; tenant <= 5; tenant++) {
				statement.execute("CREATE SCHEMA fresh_" + tenant);
				targets.add(FleetTarget.schema("fresh_" + tenant));
			}
		}
		Fleet fleet = Fleet.of(Migrations.create(MigrationConfiguration.builder()
			.dataSource(countingDataSource(this.database))
			.locations("filesystem:" + this.revisions)
			.build())).parallelism(1);
		this.sent.clear();
		this.failures.set(0);
		FleetResult<MigrationResult> result = fleet.upgrade(targets, "heads");
		assertThat(result.isSuccess()).isTrue();
		// reading the tables of a schema that has none is an error the server logs
		assertThat(this.failures.get()).isZero();
		// before the lock by itself; under the lock in the query that prepares the
		// connection
		assertThat(this.sent).filteredOn((sql) -> sql.contains("to_regclass")).hasSize(2 * 5);
		assertThat(this.sent).filteredOn((sql) -> sql.contains("to_regclass") && sql.contains("set_config")).hasSize(5);
		for (int tenant = 1; tenant <= 5; tenant++) {
			assertThat(historyOf("fresh_" + tenant)).containsExactly("r0000000001 true", "r0000000002 true");
		}
		// up to date: the state is one query that does not fail
		this.failures.set(0);
		assertThat(fleet.upgrade(targets, "heads").isSuccess()).isTrue();
		assertThat(this.failures.get()).isZero();
	}

	@Test
	void theHistoryRowRecordsTheStepsTimeAndDuration() throws Exception {
		writeRevisions(2);
		Instant before = Instant.now();
		migrations("timed").upgrade("heads");
		Instant after = Instant.now();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT revision, applied_at, duration_ms, success "
						+ "FROM timed.migration_history ORDER BY id")) {
			int count = 0;
			while (rows.next()) {
				count++;
				Instant appliedAt = rows.getObject(2, OffsetDateTime.class).toInstant();
				// the server's clock is this machine's
				assertThat(appliedAt).isBetween(before.minusMillis(5), after.plusMillis(5));
				assertThat(rows.getLong(3)).isBetween(0L, Duration.between(before, after).toMillis() + 1);
				assertThat(rows.getBoolean(4)).isTrue();
			}
			assertThat(count).isEqualTo(2);
		}
	}

	@Test
	void aStepThatMovesTheVersionRowItselfIsRolledBack() throws Exception {
		writeRevisions(1);
		writeRevision(2, "DELETE FROM moved.migration_version;\nCREATE TABLE t_2 (id INT);");
		Migrations migrations = migrations("moved");
		assertThatExceptionOfType(ConcurrentChangeException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("Expected to update row r0000000001 to r0000000002 in moved.migration_version, "
					+ "but 0 rows matched")
			.withMessageContaining("The step was rolled back; the database is still at r0000000001");
		assertThat(migrations.current()).containsExactly("r0000000001");
		assertThat(tableExists("moved", "t_2")).isFalse();
		assertThat(historyOf("moved")).containsExactly("r0000000001 true", "r0000000002 false");
	}

	@Test
	void aDowngradeThatRemovesTheVersionRowItselfIsRolledBack() throws Exception {
		Files.writeString(this.revisions.resolve("r0000000001_t.sql"),
				"-- revision: r0000000001\n-- down_revision: none\n-- message: t_1\n\n-- upgrade\n"
						+ "CREATE TABLE gone.t_1 (id INT);\n\n-- downgrade\nDROP TABLE gone.t_1;\n"
						+ "DELETE FROM gone.migration_version;\n");
		Migrations migrations = migrations("gone");
		this.database.execute("CREATE SCHEMA gone");
		migrations.upgrade("heads");
		assertThatExceptionOfType(ConcurrentChangeException.class).isThrownBy(() -> migrations.downgrade("base"))
			.withMessageContaining(
					"Expected to delete row r0000000001 in gone.migration_version, but 0 rows matched: another process "
							+ "or a person changed the version table.")
			.withMessageContaining("The step was rolled back; the database is still at r0000000001");
		assertThat(migrations.current()).containsExactly("r0000000001");
		assertThat(tableExists("gone", "t_1")).isTrue();
		assertThat(historyOf("gone")).containsExactly("r0000000001 true", "r0000000001 false");
	}

	@Test
	void aHistoryRowTheDatabaseRefusesFailsTheStepAsNotRecorded() throws Exception {
		writeRevisions(1);
		writeRevision(2, "ALTER TABLE refused.migration_history ADD CONSTRAINT no_rows CHECK (id < 0) NOT VALID;\n"
				+ "CREATE TABLE t_2 (id INT);");
		Migrations migrations = migrations("refused");
		assertThatExceptionOfType(MigrationDatabaseException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("Could not record upgrade of r0000000002 in refused.migration_version")
			.withMessageContaining("no_rows")
			.withMessageContaining("The step was rolled back; the database is still at r0000000001");
		assertThat(migrations.current()).containsExactly("r0000000001");
		assertThat(tableExists("refused", "t_2")).isFalse();
		// the constraint went with the step, so its failure is recorded
		assertThat(historyOf("refused")).containsExactly("r0000000001 true", "r0000000002 false");
	}

	private static int preparedStatements(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements")) {
			row.next();
			return row.getInt(1);
		}
	}

	/**
	 * One connection, handed out again and again as a pool hands out its idle ones: what
	 * a command leaves on its session, the next command finds.
	 */
	private DataSource singleConnection(Connection connection) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, arguments) -> method.getName().equals("getConnection") ? unclosable(connection) : null);
	}

	private Connection unclosable(Connection connection) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					if (method.getName().equals("close")) {
						return null;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private boolean tableExists(String schema, String table) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT to_regclass('" + schema + "." + table + "')")) {
			row.next();
			return row.getString(1) != null;
		}
	}

	private List<String> historyOf(String schema) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT revision, success FROM " + schema + ".migration_history ORDER BY id")) {
			while (result.next()) {
				rows.add(result.getString(1) + " " + result.getBoolean(2));
			}
		}
		return rows;
	}

	private int upgradeCountingRoundTrips(PostgresDatabase fresh, String target) {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.dataSource(countingDataSource(fresh))
			.locations("filesystem:" + this.revisions)
			.build());
		this.roundTrips.set(0);
		migrations.upgrade(target);
		return this.roundTrips.get();
	}

	private Migrations migrations(String schema) {
		return Migrations.create(MigrationConfiguration.builder()
			.dataSource(countingDataSource(this.database))
			.schema(schema)
			.locations("filesystem:" + this.revisions)
			.build());
	}

	private void writeRevisions(int count) throws IOException {
		for (int i = 1; i <= count; i++) {
			writeRevision(i,
					"CREATE TABLE t_" + i + " (id INT PRIMARY KEY);\nCREATE INDEX ix_t_" + i + " ON t_" + i + " (id);");
		}
	}

	private void writeRevision(int number, String upgrade) throws IOException {
		String id = "r%010d".formatted(number);
		String down = (number == 1) ? "none" : "r%010d".formatted(number - 1);
		Files.writeString(this.revisions.resolve(id + "_t.sql"), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n-- message: t_" + number + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\nSELECT 1;\n");
	}

	/**
	 * Connections to {@code target} that count every request the client waits for, and
	 * the commits among them.
	 */
	private DataSource countingDataSource(PostgresDatabase target) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, arguments) -> method.getName().equals("getConnection")
						? counting(Connection.class, target.connect()) : null);
	}

	private <T> T counting(Class<T> type, Object target) {
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), target.getClass().getInterfaces(),
				(proxy, method, arguments) -> {
					// the driver sends no commit or rollback for a transaction that a
					// COMMIT in the batch ended
					boolean ended = (method.getName().equals("commit") || method.getName().equals("rollback"))
							&& target instanceof BaseConnection connection
							&& connection.getTransactionState() == TransactionState.IDLE;
					if (WAITING.contains(method.getName()) && !ended) {
						this.roundTrips.incrementAndGet();
					}
					if ((method.getName().equals("commit") && !ended) || (method.getName().equals("addBatch")
							&& arguments != null && "COMMIT".equals(arguments[0]))) {
						this.commits.incrementAndGet();
					}
					if (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql) {
						this.sent.add(sql);
					}
					try {
						Object result = method.invoke(target, arguments);
						return (result instanceof Statement) ? counting(Statement.class, result) : result;
					}
					catch (InvocationTargetException ex) {
						if (ex.getCause() instanceof SQLException) {
							this.failures.incrementAndGet();
						}
						throw ex.getCause();
					}
				}));
	}

}
